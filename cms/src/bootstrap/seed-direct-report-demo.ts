import {
  defaultRuleParameters,
  generateDataset,
  type OperatorAddressInput,
  type ReportingPeriod,
  sichuanRegions,
  t,
} from '@statdesk/config';
import type { Core } from '@strapi/strapi';
import { storedEventOf } from '../api/direct-report/services/stored-event';
import { documentData } from '../lib/document-data';
import { serviceOf } from '../lib/services';
import { isDemoWanted } from './demo-wanted';

/** October 2026's window (monthly) and the third quarter's (quarterly), Beijing time. */
const DEMO_PERIODS: ReportingPeriod[] = [
  { code: '2026-10', type: 'monthly', opensAt: new Date('2026-11-01T00:00:00+08:00'), closesAt: new Date('2026-11-11T00:00:00+08:00') },
  { code: '2026-Q3', type: 'quarterly', opensAt: new Date('2026-10-01T00:00:00+08:00'), closesAt: new Date('2026-10-21T00:00:00+08:00') },
];

/**
 * The known operator addresses behind the synthetic data's shared IPs (config's synthetic.ts: each
 * 市州's township office at 192.168.<n>.1, its central office at .2, the agency at 100.64.0.0/16).
 */
const demoOperatorAddresses = (): OperatorAddressInput[] => [
  ...sichuanRegions.flatMap((city, i) => [
    { network: `192.168.${i + 1}.1`, label: `${city.name}乡镇统计站（演示）`, cause: 'township_station' as const },
    { network: `192.168.${i + 1}.2`, label: `${city.name}主管部门（演示）`, cause: 'supervising_department' as const },
  ]),
  { network: '100.64.0.0/16', label: '演示统计代理有限公司', cause: 'agent_agency' },
];

/**
 * The parameters as editable configuration, and, with SEED_DEMO, the 21 市州 of Sichuan with
 * synthetic logins, so that a fresh `npm start` shows a meaningful report.
 */
export async function seedDirectReport(strapi: Core.Strapi): Promise<void> {
  if (!(await strapi.db.query('api::direct-report-setting.direct-report-setting').findOne({}))) {
    const { threshold, ipCountScope, anomalyDelta, scope } = defaultRuleParameters();
    await strapi.documents('api::direct-report-setting.direct-report-setting').create({
      data: documentData('api::direct-report-setting.direct-report-setting', {
        threshold,
        ipCountScope,
        anomalyDelta,
        monthlyCategories: scope.monthly,
        quarterlyCategories: scope.quarterly,
      }),
    });
  }
  if (!(await isDemoWanted(strapi, 'api::reporting-period.reporting-period'))) return;
  for (const period of DEMO_PERIODS) {
    await strapi.documents('api::reporting-period.reporting-period').create({
      data: {
        code: period.code,
        type: period.type,
        opensAt: period.opensAt.toISOString(),
        closesAt: period.closesAt.toISOString(),
      },
    });
  }
  const enterprises = serviceOf(strapi, 'api::direct-report.enterprises');
  const ingest = serviceOf(strapi, 'api::direct-report.ingest');
  for (const [index, period] of DEMO_PERIODS.entries()) {
    const data = generateDataset({ seed: 2026 + index, enterprises: 3000, events: 15000, period });
    if (index === 0) {
      await enterprises.upsert(data.enterprises);
      await serviceOf(strapi, 'api::direct-report.operator-addresses').upsert(demoOperatorAddresses());
      for (const d of data.delegations) {
        await strapi.documents('api::delegation.delegation').create({
          data: documentData('api::delegation.delegation', {
            enterpriseCode: d.enterpriseCode,
            agencyName: '演示统计代理有限公司',
            effectiveFrom: d.from.toISOString(),
          }),
        });
      }
    }
    const batch = [...data.events()].map((e, i) => storedEventOf(e, `demo-${period.code}-${i}`));
    for (let i = 0; i < batch.length; i += 5000) await ingest.insertEvents(batch.slice(i, i + 5000));
  }
  // The quarter is over and closed (收口), so the dashboard shows both states.
  await serviceOf(strapi, 'api::direct-report.closing').close('2026-Q3', t('directReport.closing.demoActor'));
  strapi.log.info('Demo data: direct-reporting periods 2026-10 and 2026-Q3 for 3 000 enterprises in Sichuan');
}
