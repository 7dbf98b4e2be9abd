import {
  categoryLabels,
  checkRegionFilter,
  type DirectReport,
  defaultRuleParameters,
  type EnterpriseResult,
  type Flag,
  fieldErrorsOf,
  filterWithinScope,
  flagLabels,
  operatorCauseLabels,
  type PeriodType,
  type Reason,
  type RegionScope,
  type ReportingPeriod,
  type RuleParameters,
  reasonLabels,
  reasons,
  ruleParametersSchema,
  t,
  type WhatIf,
  whatIfSchema,
} from '@statdesk/config';
import { exportFormats, type PeriodClosing } from '@statdesk/config/contract';
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { invalidFields, PublicError } from '../../../lib/http-errors';
import type { Attachment } from '../../../lib/send-attachment';
import { type Table, toCsv, toXlsx } from '../../../lib/table-export';
import { adminAccountsOf } from './admin-logins';
import { closedPeriods } from './closing';
import { type CauseCount, causeCounts, labelSharedIps, operatorAddresses } from './operators';
import { reportCacheOf } from './report-cache';
import { computeReportInSql, computeReportPage, computeReportTotals, type RuleQuery } from './rule';
import { foldStaged } from './summaries';

/** An enterprise's result with the admin accounts that logged in to its data (admin-logins.ts). */
export type ShownEnterprise = EnterpriseResult & { adminAccounts: string[] };

const enterpriseTable = (enterprises: ShownEnterprise[]): Table => ({
  name: t('directReport.export.enterpriseSheet'),
  headers: EXPORT_COLUMNS.map(([header]) => t(`directReport.export.column.${header}`)),
  rows: enterprises.map((e) => EXPORT_COLUMNS.map(([, get]) => get(e))),
});

/** Each flag in words, with the bureau's threshold (seeds/004 §五). */
const flagExplanationsOf = (parameters: RuleParameters): Record<Flag, string> => {
  const delta = String(parameters.anomalyDelta);
  return {
    operated_by_others: t('directReport.flagExplanation.operatedByOthers', { delta }),
    allocated: t('directReport.flagExplanation.allocated', { delta }),
  };
};

/** A region's logins by known operators in words: "主管部门用企业账号登录：37 家" (seeds/004 §六). */
export const causesInWords = (causes: CauseCount[], code: string): string[] =>
  causes
    .filter((c) => c.code === code)
    .map((c) => t('directReport.operator.causeCount', { cause: operatorCauseLabels[c.cause], count: String(c.enterprises) }));

/** Every 市州 and its 县区 with their rates, flags and known operators in words: the overview without the map. */
const regionTable = (report: DirectReport, causes: CauseCount[]): Table => {
  const explained = flagExplanationsOf(report.parameters);
  const row = (region: DirectReport['cities'][number]['counties'][number]) => [
    region.code,
    region.name,
    region.required,
    region.initialRate ?? '',
    region.finalRate ?? '',
    region.flags.map((flag) => explained[flag]).join('；'),
    causesInWords(causes, region.code).join('；'),
  ];
  return {
    name: t('directReport.export.regionSheet'),
    headers: [
      t('directReport.export.regionCode'),
      t('directReport.export.regionName'),
      t('directReport.export.required'),
      t('directReport.export.initialRate'),
      t('directReport.export.finalRate'),
      t('directReport.export.flags'),
      t('directReport.export.operators'),
    ],
    rows: report.cities.flatMap((city) => [row(city), ...city.counties.map(row)]),
  };
};

/** The rates of the exported region (a 县区, a 市州, or the report's whole scope). */
function ratesOf(report: DirectReport, region: string | undefined): DirectReport['totals'] {
  const regions = report.cities.flatMap((city) => [city, ...city.counties]);
  return regions.find((r) => r.code === region) ?? report.totals;
}

/** The totals sheet: the period and the exported region's counts and rates. */
function totalsTable(report: DirectReport, region: string | undefined): Table {
  const rates = ratesOf(report, region);
  return {
    name: t('directReport.export.totalsSheet'),
    headers: [t('directReport.export.item'), t('directReport.export.value')],
    rows: [
      [t('directReport.export.period'), report.period.code],
      [t('directReport.export.required'), rates.required],
      [t('directReport.export.loggedIn'), rates.loggedIn],
      [t('directReport.export.initialDirect'), rates.initialDirect],
      [t('directReport.export.finalDirect'), rates.finalDirect],
      [t('directReport.export.initialRate'), rates.initialRate ?? ''],
      [t('directReport.export.finalRate'), rates.finalRate ?? ''],
    ],
  };
}

export type ExportFormat = keyof typeof exportFormats;
/** The export's content type, as the contract lists it; the CSV says its encoding. */
const contentTypeOf = (format: ExportFormat) => (format === 'csv' ? `${exportFormats.csv}; charset=utf-8` : exportFormats.xlsx);

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
  | 'reason'
  | 'adminAccounts';
const yesNo = (value: boolean) => t(value ? 'directReport.export.yes' : 'directReport.export.no');

/** The columns of the per-enterprise export, by their header's key (directReport.export.column.*). */
export const EXPORT_COLUMNS: Array<[ExportColumn, (e: ShownEnterprise) => string | number]> = [
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
  ['adminAccounts', (e) => e.adminAccounts.join('、')],
];

/**
 * A report kept per version of the data (report-cache.ts), looked up once the staged batches are
 * merged (summaries.ts): merging moves the version, so a report is kept under the version it read.
 */
async function cachedReport<T>(knex: Knex, key: unknown, compute: () => Promise<T>): Promise<T> {
  await foldStaged(knex);
  return reportCacheOf(knex).get(key, compute);
}

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

  /**
   * How the period's report is computed: a closed period's from what closing stored, with the
   * parameters of then; a what-if (or an open period) from the summaries.
   */
  async queryFor(period: ReportingPeriod, whatIf: WhatIf = {}, closings?: Awaited<ReturnType<typeof closedPeriods>>) {
    const stored = (closings ?? (await closedPeriods(strapi.db.connection, [period.code]))).get(period.code);
    const closing: PeriodClosing | null = stored ? { closedAt: stored.closedAt, closedBy: stored.closedBy } : null;
    const asStored = stored && whatIf.threshold === undefined && whatIf.scope === undefined;
    const query: RuleQuery = asStored
      ? { period, parameters: stored.parameters, closed: true }
      : { period, parameters: await this.parametersWith(whatIf) };
    return { query, closing };
  },

  /** The period's report for a reader's region scope (empty: the province), and the filter narrowed to it. */
  async checked(periodCode: string, filter: EnterpriseFilter, scope: RegionScope, whatIf: WhatIf = {}) {
    if (filter.reason && !(reasons as readonly string[]).includes(filter.reason)) {
      throw new PublicError(400, 'ValidationError', t('directReport.reasonUnknown', { reasons: reasons.join('、') }), {
        reason: t('directReport.reasonField'),
      });
    }
    // Regions are those of config's GB/T 2260 list: a mistyped code is said, not answered with nothing.
    const region = checkRegionFilter(filter.city, filter.county);
    if (region) throw new PublicError(400, 'ValidationError', region.message, { [region.field]: region.message });
    const within = filterWithinScope(scope, filter);
    if (!within) throw new PublicError(403, 'ForbiddenError', t('admin.jurisdiction.regionOutside'));
    const { query, closing } = await this.queryFor(await this.period(periodCode), whatIf);
    return { query, closing, selection: { city: within.city, county: within.county, reason: within.reason as Reason | undefined, scope } };
  },

  /** The enterprises with the admin accounts that logged in to their data during the period. */
  async withAdminAccounts(period: ReportingPeriod, enterprises: EnterpriseResult[]): Promise<ShownEnterprise[]> {
    const accounts = await adminAccountsOf(
      strapi.db.connection,
      period,
      enterprises.map((e) => e.code),
    );
    return enterprises.map((e) => ({ ...e, adminAccounts: accounts.get(e.code) ?? [] }));
  },

  /** The latest periods (newest first) with their totals (a region scope's, if given), for the dashboard's trend. */
  async trend(limit = 12, scope: RegionScope = {}) {
    return cachedReport(strapi.db.connection, ['trend', limit, scope], () => this.computeTrend(limit, scope));
  },

  /** `trend` computed afresh. */
  async computeTrend(limit: number, scope: RegionScope) {
    const rows = (await strapi.db.query(PERIOD).findMany({ orderBy: { opensAt: 'desc' }, limit })) as PeriodRow[];
    const closings = await closedPeriods(
      strapi.db.connection,
      rows.map((row) => row.code),
    );
    const points = [];
    for (const period of rows.map(toPeriod)) {
      const { query, closing } = await this.queryFor(period, {}, closings);
      points.push({
        code: period.code,
        type: period.type,
        closing,
        totals: await computeReportTotals(strapi.db.connection, query, scope),
      });
    }
    return points;
  },

  /**
   * The report with its enterprise list filtered by region or reason and paged; with a scope (a
   * 市州 or 县区 bureau) the whole report covers that region only, and a filter outside it is refused.
   */
  async find(periodCode: string, filter: EnterpriseFilter, scope: RegionScope = {}, whatIf: WhatIf = {}) {
    return cachedReport(strapi.db.connection, ['find', periodCode, filter, scope, whatIf], () =>
      this.computeFind(periodCode, filter, scope, whatIf),
    );
  },

  /**
   * `find`'s answer as JSON text, written once per version of the data: the shared IPs of 100 000
   * enterprises are megabytes to stringify, which a report served again should not cost.
   */
  async findJson(periodCode: string, filter: EnterpriseFilter, scope: RegionScope = {}, whatIf: WhatIf = {}): Promise<string> {
    // Computed afresh, not through `find`: one version read per request, and no second copy kept as objects.
    return cachedReport(strapi.db.connection, ['find-json', periodCode, filter, scope, whatIf], async () =>
      JSON.stringify(await this.computeFind(periodCode, filter, scope, whatIf)),
    );
  },

  /** `find` computed afresh: the report's statement over the summaries (rule.ts), then what it shows beside. */
  async computeFind(periodCode: string, filter: EnterpriseFilter, scope: RegionScope, whatIf: WhatIf) {
    const { query, closing, selection } = await this.checked(periodCode, filter, scope, whatIf);
    const pageSize = Math.min(Math.max(filter.pageSize ?? 100, 1), 1000);
    const page = Math.max(filter.page ?? 1, 1);
    const { report, matching } = await computeReportPage(strapi.db.connection, query, {
      ...selection,
      limit: pageSize,
      offset: (page - 1) * pageSize,
    });
    const operators = await this.operators(query, scope);
    return {
      ...report,
      closing,
      sharedIps: labelSharedIps(report.sharedIps, operators.addresses),
      operatorCauses: operators.causes,
      operatorCauseLabels,
      enterprises: await this.withAdminAccounts(query.period, report.enterprises),
      unknownEnterprises: await this.unknownEnterprises(periodCode),
      flagLabels,
      flagExplanations: flagExplanationsOf(query.parameters),
      reasonLabels,
      pagination: { page, pageSize, total: matching, pageCount: Math.max(1, Math.ceil(matching / pageSize)) },
    };
  },

  /** The known operator addresses and, when there are any, the enterprises each kind logged in for (seeds/004 §六). */
  async operators(query: { period: ReportingPeriod; parameters: RuleParameters }, scope: RegionScope) {
    const addresses = await operatorAddresses(strapi.db.connection);
    const causes = addresses.length > 0 ? await causeCounts(strapi.db.connection, query, scope) : [];
    return { addresses, causes };
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

  /**
   * The report as a file: every enterprise the filter selects within the scope (all by default),
   * and in XLSX the totals and every region's rates with their flags in words.
   */
  async exportFile(
    periodCode: string,
    format: ExportFormat,
    filter: EnterpriseFilter = {},
    scope: RegionScope = {},
    whatIf: WhatIf = {},
  ): Promise<Attachment> {
    const { query, selection } = await this.checked(periodCode, filter, scope, whatIf);
    const report = await computeReportInSql(strapi.db.connection, query, selection);
    const enterprises = enterpriseTable(await this.withAdminAccounts(query.period, report.enterprises));
    const { causes } = format === 'xlsx' ? await this.operators(query, scope) : { causes: [] };
    const region = selection.county ?? selection.city;
    const fileName = ['direct-report', periodCode, region, selection.reason].filter(Boolean).join('-');
    return {
      body: format === 'csv' ? toCsv(enterprises) : await toXlsx([totalsTable(report, region), regionTable(report, causes), enterprises]),
      contentType: contentTypeOf(format),
      fileName: `${fileName}.${format}`,
    };
  },
});
