import {
  categoryLabels,
  checkRegionFilter,
  type DirectReport,
  defaultRuleParameters,
  type EnterpriseResult,
  fieldErrorsOf,
  flagLabels,
  type PeriodType,
  type Reason,
  type ReportingPeriod,
  type RuleParameters,
  reasonLabels,
  reasons,
  ruleParametersSchema,
  t,
  type WhatIf,
  whatIfSchema,
} from '@statdesk/config';
import type { Core } from '@strapi/strapi';
import { invalidFields, PublicError } from '../../../lib/http-errors';
import { type Table, toCsv, toXlsx } from '../../../lib/table-export';
import { computeReportInSql, computeReportPage, computeReportTotals } from './rule';

const enterpriseTable = (report: DirectReport): Table => ({
  name: t('directReport.export.enterpriseSheet'),
  headers: EXPORT_COLUMNS.map(([header]) => t(`directReport.export.column.${header}`)),
  rows: report.enterprises.map((e) => EXPORT_COLUMNS.map(([, get]) => get(e))),
});

export interface EnterpriseFilter {
  city?: string;
  county?: string;
  reason?: string;
  page?: number;
  pageSize?: number;
}

const int = (value: unknown) => (typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : undefined);
const text = (value: unknown) => (typeof value === 'string' && value ? value : undefined);

/** The enterprise filter of a query string (`?city=&county=&reason=&page=&pageSize=`); junk is ignored. */
export const enterpriseFilterOf = (query: Record<string, unknown>): EnterpriseFilter => ({
  city: text(query.city),
  county: text(query.county),
  reason: text(query.reason),
  page: int(query.page),
  pageSize: int(query.pageSize),
});

/**
 * The what-if parameters of a query string (`?threshold=&scope=`, direct-report-rule.md
 * "Parameters"): a report computed with them for this request only. Unlike the filter, a value
 * that is given and wrong is refused: a silently ignored threshold would look like a real answer.
 */
export function whatIfOf(query: Record<string, unknown>): WhatIf {
  const parsed = whatIfSchema.safeParse({ threshold: query.threshold, scope: query.scope });
  if (!parsed.success) throw invalidFields(fieldErrorsOf(parsed.error.issues));
  return parsed.data;
}

type ExportColumn =
  | 'code'
  | 'name'
  | 'cityCode'
  | 'countyCode'
  | 'category'
  | 'firstIp'
  | 'lastIp'
  | 'nFirst'
  | 'nLast'
  | 'delegated'
  | 'initiallyDirect'
  | 'finallyDirect'
  | 'reason';
const yesNo = (value: boolean) => t(value ? 'directReport.export.yes' : 'directReport.export.no');

/** The columns of the per-enterprise export, by their header's key (directReport.export.column.*). */
export const EXPORT_COLUMNS: Array<[ExportColumn, (e: EnterpriseResult) => string | number]> = [
  ['code', (e) => e.code],
  ['name', (e) => e.name],
  ['cityCode', (e) => e.cityCode],
  ['countyCode', (e) => e.countyCode],
  ['category', (e) => categoryLabels[e.category]],
  ['firstIp', (e) => e.firstIp ?? ''],
  ['lastIp', (e) => e.lastIp ?? ''],
  ['nFirst', (e) => e.nFirst ?? ''],
  ['nLast', (e) => e.nLast ?? ''],
  ['delegated', (e) => yesNo(e.delegated)],
  ['initiallyDirect', (e) => yesNo(e.initiallyDirect)],
  ['finallyDirect', (e) => yesNo(e.finallyDirect)],
  ['reason', (e) => reasonLabels[e.reason]],
];

const PERIOD = 'api::reporting-period.reporting-period';
const MAX_UNKNOWN_LISTED = 1_000;

interface PeriodRow {
  code: string;
  type: PeriodType;
  opensAt: string;
  closesAt: string;
}

const toPeriod = (row: PeriodRow): ReportingPeriod => ({
  code: row.code,
  type: row.type,
  opensAt: new Date(row.opensAt),
  closesAt: new Date(row.closesAt),
});

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** The bureau's parameters (single type 直报率计算参数), or the defaults of direct-report-rule.md. */
  async parameters(): Promise<RuleParameters> {
    const row = (await strapi.db.query('api::direct-report-setting.direct-report-setting').findOne({})) as Record<string, unknown> | null;
    if (!row) return defaultRuleParameters();
    const parsed = ruleParametersSchema.safeParse({
      threshold: row.threshold,
      ipCountScope: row.ipCountScope,
      anomalyDelta: Number(row.anomalyDelta),
      scope: { monthly: row.monthlyCategories, quarterly: row.quarterlyCategories },
    });
    if (!parsed.success) strapi.log.warn(t('directReport.parametersInvalid', { detail: parsed.error.message }));
    return parsed.success ? parsed.data : defaultRuleParameters();
  },

  /** The bureau's parameters with a what-if's overrides: `scope` is the IP-count scope. */
  async parametersWith(whatIf: WhatIf = {}): Promise<RuleParameters> {
    const parameters = await this.parameters();
    return {
      ...parameters,
      threshold: whatIf.threshold ?? parameters.threshold,
      ipCountScope: whatIf.scope ?? parameters.ipCountScope,
    };
  },

  /** The period of a code, or a 404 naming it. */
  async period(periodCode: string): Promise<ReportingPeriod> {
    const row = (await strapi.db.query(PERIOD).findOne({ where: { code: periodCode } })) as PeriodRow | null;
    if (!row) throw new PublicError(404, 'NotFoundError', t('directReport.periodNotFound', { code: periodCode }));
    return toPeriod(row);
  },

  /** The whole report of a period (every enterprise), computed in PostgreSQL. */
  async full(periodCode: string, whatIf: WhatIf = {}): Promise<DirectReport> {
    return computeReportInSql(strapi.db.connection, {
      period: await this.period(periodCode),
      parameters: await this.parametersWith(whatIf),
    });
  },

  /** The latest periods (newest first) with their totals, for the dashboard's trend. */
  async trend(limit = 12): Promise<Array<{ code: string; type: PeriodType; totals: DirectReport['totals'] }>> {
    const rows = (await strapi.db.query(PERIOD).findMany({ orderBy: { opensAt: 'desc' }, limit })) as PeriodRow[];
    const parameters = await this.parameters();
    const points = [];
    for (const period of rows.map(toPeriod)) {
      points.push({
        code: period.code,
        type: period.type,
        totals: await computeReportTotals(strapi.db.connection, { period, parameters }),
      });
    }
    return points;
  },

  /** The report with its enterprise list filtered by region or reason and paged. */
  async find(periodCode: string, filter: EnterpriseFilter, whatIf: WhatIf = {}) {
    if (filter.reason && !(reasons as readonly string[]).includes(filter.reason)) {
      throw new PublicError(400, 'ValidationError', t('directReport.reasonUnknown', { reasons: reasons.join('、') }), {
        reason: t('directReport.reasonField'),
      });
    }
    // Regions are those of config's GB/T 2260 list: a mistyped code is said, not answered with nothing.
    const region = checkRegionFilter(filter.city, filter.county);
    if (region) throw new PublicError(400, 'ValidationError', region.message, { [region.field]: region.message });
    const pageSize = Math.min(Math.max(filter.pageSize ?? 100, 1), 1000);
    const page = Math.max(filter.page ?? 1, 1);
    const { report, matching } = await computeReportPage(
      strapi.db.connection,
      { period: await this.period(periodCode), parameters: await this.parametersWith(whatIf) },
      {
        city: filter.city,
        county: filter.county,
        reason: filter.reason as Reason | undefined,
        limit: pageSize,
        offset: (page - 1) * pageSize,
      },
    );
    return {
      ...report,
      unknownEnterprises: await this.unknownEnterprises(periodCode),
      flagLabels,
      reasonLabels,
      pagination: { page, pageSize, total: matching, pageCount: Math.max(1, Math.ceil(matching / pageSize)) },
    };
  },

  /** Codes with logins in the period's summary (built by the report just computed) that the master data lacks. */
  async unknownEnterprises(periodCode: string): Promise<{ count: number; codes: string[] }> {
    const { rows } = (await strapi.db.connection.raw(
      `select l.enterprise_code as code, count(*) over ()::int as count from dr_period_logins l
        where l.period_code = ? and not exists (select 1 from enterprises e where e.code = l.enterprise_code)
        order by l.enterprise_code limit ?`,
      [periodCode, MAX_UNKNOWN_LISTED],
    )) as { rows: Array<{ code: string; count: number }> };
    return { count: rows[0]?.count ?? 0, codes: rows.map((row) => row.code) };
  },

  /** The per-enterprise explanations as CSV (UTF-8 with BOM, formula-safe). */
  async csv(periodCode: string, whatIf: WhatIf = {}): Promise<string> {
    return toCsv(enterpriseTable(await this.full(periodCode, whatIf)));
  },

  async xlsx(periodCode: string, whatIf: WhatIf = {}): Promise<Buffer> {
    const report = await this.full(periodCode, whatIf);
    const totals: Table = {
      name: t('directReport.export.totalsSheet'),
      headers: [t('directReport.export.item'), t('directReport.export.value')],
      rows: [
        [t('directReport.export.period'), report.period.code],
        [t('directReport.export.required'), report.totals.required],
        [t('directReport.export.loggedIn'), report.totals.loggedIn],
        [t('directReport.export.initialDirect'), report.totals.initialDirect],
        [t('directReport.export.finalDirect'), report.totals.finalDirect],
        [t('directReport.export.initialRate'), report.totals.initialRate ?? ''],
        [t('directReport.export.finalRate'), report.totals.finalRate ?? ''],
      ],
    };
    return toXlsx([totals, enterpriseTable(report)]);
  },
});
