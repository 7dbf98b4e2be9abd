import { computeCreditCodeCheckChar, normaliseQueryPassword, submissionKinds } from '@statdesk/config';
import type { Core } from '@strapi/strapi';
import { hashQueryPassword } from '../lib/password-hash';
import { type Entry, uidOf } from '../lib/records';
import { serviceOf } from '../lib/services';
import { isDemoWanted } from './demo-wanted';
import { seedTurnaroundDemo } from './seed-turnaround-demo';

export const DEMO_ACTOR = '演示数据';
/** Demo records share one published password (README), so people can try the query page. */
export const DEMO_PASSWORD = 'DEMO-2026-QP';

/** A synthetic 统一社会信用代码 (GB 32100, 事业单位 12…) per demo institution: one code, one institution. */
const demoCreditCode = (n: number) => {
  const body = `12110000MB${String(n).padStart(7, '0')}`;
  return body + computeCreditCodeCheckChar(body);
};

/** A demo data application of `institution`; the `n`th of the decided ones gets its own project name. */
const demoApplication = (institution: string, leaderPhone: string, n?: number) => ({
  agreeInstructions: true,
  projectName: n === undefined ? '城镇化与家庭消费结构研究' : `区域经济与就业结构研究（${n}）`,
  projectSource: 'nssfc',
  institution,
  leaderName: '张三',
  leaderIdNumber: '11010519491231002X',
  leaderTitle: '教授',
  leaderPhone,
  leaderEmail: 'zhangsan@example.edu.cn',
  researchPurpose: '研究城镇化对家庭消费结构的影响。',
  researchMethods: '面板数据双重差分。',
  datasets: ['household-income-living', 'census-2010'],
  dataYears: '2013—2020',
  usePeriodStart: '2026-12-01',
  usePeriodEnd: '2027-11-30',
  expectedOutcomes: '论文两篇',
});

/**
 * A few records in every state, so that a fresh `npm start` shows a real queue and list. Runs
 * only when SEED_DEMO is on and no institution exists yet; goes through the same services as
 * the public API, so the demo obeys every rule.
 */
export async function seedDemo(strapi: Core.Strapi): Promise<void> {
  if (!(await isDemoWanted(strapi, 'api::institution.institution'))) return;
  const submit = serviceOf(strapi, 'plugin::review-desk.submit');
  const review = serviceOf(strapi, 'plugin::review-desk.review');
  let institutions = 0;
  const institution = (fullName: string, abbreviation: string, contactPhone: string) =>
    submit.create('institution', {
      agreeNotice: true,
      fullName,
      creditCode: demoCreditCode(++institutions),
      abbreviation,
      address: '北京市海淀区',
      email: 'office@example.edu.cn',
      legalRepName: '王五',
      legalRepPosition: '校长',
      contactName: '李四',
      contactPosition: '科研处处长',
      contactPhone,
      contactEmail: 'contact@example.edu.cn',
      commitment: true,
    });
  const pku = await institution('北京大学', 'PKU', '15800000000');
  const ruc = await institution('中国人民大学', 'RUC', '15800000001');
  await institution('华中科技大学', 'HUST', '15800000002');
  for (const no of [pku.applicationNo, ruc.applicationNo]) await review.transition(no, { action: 'upload', actor: DEMO_ACTOR });
  await review.transition(pku.applicationNo, { action: 'approve', actor: DEMO_ACTOR });
  const application = await submit.create('data-application', demoApplication(pku.applicationNo, '15500000000'));
  await review.transition(application.applicationNo, { action: 'upload', actor: DEMO_ACTOR });
  // Other phones than the waiting application's, so that its look-up shows it alone.
  await seedTurnaroundDemo(strapi, (n) => demoApplication(pku.applicationNo, `155000001${String(n).padStart(2, '0')}`, n), DEMO_ACTOR);
  for (const kindId of ['institution', 'data-application'] as const) {
    const uid = uidOf(kindId);
    const phoneField = submissionKinds[kindId].form.phoneField;
    for (const entry of (await strapi.db.query(uid).findMany({})) as Entry[]) {
      const passwordHash = await hashQueryPassword(normaliseQueryPassword(DEMO_PASSWORD), String(entry[phoneField]));
      await strapi.db.query(uid).update({ where: { id: entry.id }, data: { passwordHash } });
    }
  }
  strapi.log.info(`Demo data created: ${pku.applicationNo} … ${application.applicationNo}`);
}
