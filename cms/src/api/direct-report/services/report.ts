import {
  categoryLabels,
  checkRegionFilter,
  type DirectReport,
  defaultRuleParameters,
  type EnterpriseResult,
  flagLabels,
  type PeriodType,
  type Reason,
  type ReportingPeriod,
  type RuleParameters,
  reasonLabels,
  reasons,
  ruleParametersSchema,
} from '@statdesk/config';
import type { Core } from '@strapi/strapi';
import { PublicError } from '../../../lib/http-errors';
import { type Table, toCsv, toXlsx } from '../../../lib/table-export';
import { computeReportInSql, computeReportPage, computeReportTotals } from './rule';

const enterpriseTable = (report: DirectReport): Table => ({
  name: '企业明细',
  headers: EXPORT_COLUMNS.map(([header]) => header),
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

/** The columns of the per-enterprise export, zh-CN headers. */
export const EXPORT_COLUMNS: Array<[string, (e: EnterpriseResult) => string | number]> = [
  ['统一社会信用代码', (e) => e.code],
  ['单位名称', (e) => e.name],
  ['市州代码', (e) => e.cityCode],
  ['县区代码', (e) => e.countyCode],
  ['专业', (e) => categoryLabels[e.category]],
  ['首次登录IP', (e) => e.firstIp ?? ''],
  ['末次登录IP', (e) => e.lastIp ?? ''],
  ['首次IP企业数', (e) => e.nFirst ?? ''],
  ['末次IP企业数', (e) => e.nLast ?? ''],
  ['统计代理', (e) => (e.delegated ? '是' : '否')],
  ['初始直报', (e) => (e.initiallyDirect ? '是' : '否')],
  ['末次直报', (e) => (e.finallyDirect ? '是' : '否')],
  ['说明', (e) => reasonLabels[e.reason]],
];

const PERIOD = 'api::reporting-period.reporting-period';

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
    if (!parsed.success) strapi.log.warn(`直报率计算参数无效，使用默认值：${parsed.error.message}`);
    return parsed.success ? parsed.data : defaultRuleParameters();
  },

  /** The period of a code, or a 404 naming it. */
  async period(periodCode: string): Promise<ReportingPeriod> {
    const row = (await strapi.db.query(PERIOD).findOne({ where: { code: periodCode } })) as PeriodRow | null;
    if (!row) throw new PublicError(404, 'NotFoundError', `没有代码为 ${periodCode} 的网报期`);
    return toPeriod(row);
  },

  /** The whole report of a period (every enterprise), computed in PostgreSQL. */
  async full(periodCode: string): Promise<DirectReport> {
    return computeReportInSql(strapi.db.connection, { period: await this.period(periodCode), parameters: await this.parameters() });
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
  async find(periodCode: string, filter: EnterpriseFilter) {
    if (filter.reason && !(reasons as readonly string[]).includes(filter.reason)) {
      throw new PublicError(400, 'ValidationError', `reason 应为 ${reasons.join('、')} 之一`, { reason: '未知的原因代码' });
    }
    // Regions are those of config's GB/T 2260 list: a mistyped code is said, not answered with nothing.
    const region = checkRegionFilter(filter.city, filter.county);
    if (region) throw new PublicError(400, 'ValidationError', region.message, { [region.field]: region.message });
    const pageSize = Math.min(Math.max(filter.pageSize ?? 100, 1), 1000);
    const page = Math.max(filter.page ?? 1, 1);
    const { report, matching } = await computeReportPage(
      strapi.db.connection,
      { period: await this.period(periodCode), parameters: await this.parameters() },
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
      flagLabels,
      reasonLabels,
      pagination: { page, pageSize, total: matching, pageCount: Math.max(1, Math.ceil(matching / pageSize)) },
    };
  },

  /** The per-enterprise explanations as CSV (UTF-8 with BOM, formula-safe). */
  async csv(periodCode: string): Promise<string> {
    return toCsv(enterpriseTable(await this.full(periodCode)));
  },

  async xlsx(periodCode: string): Promise<Buffer> {
    const report = await this.full(periodCode);
    const totals: Table = {
      name: '汇总',
      headers: ['项目', '数值'],
      rows: [
        ['网报期', report.period.code],
        ['应报企业数', report.totals.required],
        ['登录企业数', report.totals.loggedIn],
        ['初始直报企业数', report.totals.initialDirect],
        ['末次直报企业数', report.totals.finalDirect],
        ['初始直报率(%)', report.totals.initialRate ?? ''],
        ['末次直报率(%)', report.totals.finalRate ?? ''],
      ],
    };
    return toXlsx([totals, enterpriseTable(report)]);
  },
});
