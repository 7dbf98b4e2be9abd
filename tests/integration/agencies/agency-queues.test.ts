import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Staff, signInAs } from '../support/admin.ts';
import { SAMPLE_PDF, SAMPLE_PNG } from '../support/files.ts';
import { unitCode, validAgency } from '../support/fixtures.ts';
import { bootCms, type TestCms } from '../support/strapi.ts';

const delegators = [{ code: unitCode(1, '91510100MA'), name: '企业1' }];
const documents = { businessLicence: SAMPLE_PDF, legalPersonCertificate: SAMPLE_PNG, 'letter.0': SAMPLE_PDF };

interface Queues {
  queues: Array<{ level: string; status: string; statusLabel: string; count: number; oldestWaitingDays: number | null }>;
  unassignedMessage: string | null;
}

/** Each officer's home shows the agency registrations waiting for their level, within their 辖区 (seeds/004 §七). */
describe('the agency queue on an officer’s home', () => {
  let cms: TestCms;
  let wuhou: Staff;
  let jinjiang: Staff;
  let unassigned: Staff;
  let city: Staff;
  let province: Staff;
  let reviewer: Staff;
  let wuhouAgency: string;

  const register = async (countyCode: string, creditCode: string) => {
    const form = new FormData();
    form.append('data', JSON.stringify(validAgency(delegators, { countyCode, creditCode })));
    for (const [name, bytes] of Object.entries(documents)) form.append(name, new Blob([new Uint8Array(bytes)]), `${name}.pdf`);
    const response = await fetch(`${cms.url}/api/public/agencies`, { method: 'POST', body: form });
    expect(response.status).toBe(201);
    return ((await response.json()) as { registrationNo: string }).registrationNo;
  };
  const queuesOf = async (staff: Staff) => staff.json<Queues>('GET', '/bureau-desk/agency-queues');
  const assign = (adminEmail: string, regionCode: string) =>
    cms.strapi.documents('api::jurisdiction.jurisdiction').create({ data: { adminEmail, regionCode } as never });

  beforeAll(async () => {
    cms = await bootCms('agency_queues');
    [wuhou, jinjiang, unassigned, city, province, reviewer] = await Promise.all([
      signInAs(cms, 'County bureau', 'wuhou@queues.example'),
      signInAs(cms, 'County bureau', 'jinjiang@queues.example'),
      signInAs(cms, 'County bureau', 'nobody@queues.example'),
      signInAs(cms, 'City bureau', 'chengdu@queues.example'),
      signInAs(cms, 'Province collection centre', 'province@queues.example'),
      signInAs(cms, 'Reviewer', 'reviewer@queues.example'),
    ]);
    await assign('wuhou@queues.example', '510107');
    await assign('jinjiang@queues.example', '510104');
    await assign('chengdu@queues.example', '510100');
    wuhouAgency = await register('510107', unitCode(900, '91510107MA'));
    await register('510104', unitCode(901, '91510104MA'));
    // Submitted three days ago, so the queue says how long it has waited.
    await cms.strapi.db.connection.raw(`update agencies set submitted_at = now() - interval '3 days 1 hour' where registration_no = ?`, [
      wuhouAgency,
    ]);
  });
  afterAll(async () => {
    await cms?.stop();
  });

  it('shows a county officer the registrations of their own county waiting for the county, with the oldest’s wait', async () => {
    expect(await queuesOf(wuhou)).toEqual({
      status: 200,
      body: {
        queues: [{ level: 'county', status: 'county_review', statusLabel: '待县区统计局审核', count: 1, oldestWaitingDays: 3 }],
        unassignedMessage: null,
      },
    });
    expect((await queuesOf(jinjiang)).body.queues).toEqual([
      { level: 'county', status: 'county_review', statusLabel: '待县区统计局审核', count: 1, oldestWaitingDays: 0 },
    ]);
  });

  it('moves a registration to the city’s queue once the county approves it', async () => {
    expect((await queuesOf(city)).body.queues).toEqual([
      { level: 'city', status: 'city_review', statusLabel: '待市州统计局审批', count: 0, oldestWaitingDays: null },
    ]);
    expect((await wuhou.json('POST', `/bureau-desk/agencies/${wuhouAgency}/decisions`, { decision: 'approve' })).status).toBe(200);
    expect((await queuesOf(wuhou)).body.queues[0]).toMatchObject({ count: 0, oldestWaitingDays: null });
    expect((await queuesOf(city)).body.queues[0]).toMatchObject({ level: 'city', count: 1, oldestWaitingDays: 3 });
    expect((await queuesOf(province)).body.queues).toEqual([
      { level: 'province', status: 'province_review', statusLabel: '待省数据采集中心确认', count: 0, oldestWaitingDays: null },
    ]);
  });

  it('tells an officer without a 辖区 to ask for one, and refuses a role that reads no agencies', async () => {
    expect((await queuesOf(unassigned)).body).toEqual({
      queues: [],
      unassignedMessage: '您的账号尚未分配辖区，请联系系统管理员在“辖区分配”中设置',
    });
    expect((await queuesOf(reviewer)).status).toBe(403);
  });
});
