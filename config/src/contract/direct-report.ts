import { z } from 'zod';
import { operatorCauses } from '../direct-report/operators.ts';
import { categories, flags, periodTypes, reasons, ruleParametersSchema } from '../direct-report/types.ts';
import { defineEndpoint, fileBody } from './endpoint.ts';
import { pagination } from './shared.ts';

/** Dates travel as ISO 8601 strings (DESIGN.md). */
const instant = z.string();

export const rates = z.object({
  required: z.number(),
  loggedIn: z.number(),
  initialDirect: z.number(),
  finalDirect: z.number(),
  /** Percent with two decimals; null when nothing is required. */
  initialRate: z.number().nullable(),
  finalRate: z.number().nullable(),
});
export type Rates = z.infer<typeof rates>;

export const regionRates = rates.extend({ code: z.string(), name: z.string(), flags: z.array(z.enum(flags)) });
export type RegionRates = z.infer<typeof regionRates>;

export const enterpriseResult = z.object({
  code: z.string(),
  name: z.string(),
  cityCode: z.string(),
  countyCode: z.string(),
  category: z.enum(categories),
  firstIp: z.string().nullable(),
  lastIp: z.string().nullable(),
  nFirst: z.number().nullable(),
  nLast: z.number().nullable(),
  delegated: z.boolean(),
  initiallyDirect: z.boolean(),
  finallyDirect: z.boolean(),
  reason: z.enum(reasons),
  /**
   * The admin accounts (综合管理员, accountKind `admin`) that logged in to this enterprise's data in
   * the period: never counted, but shown (seeds/004 §八 "同样也要留下操作痕迹").
   */
  adminAccounts: z.array(z.string()),
});

/** A closed (收口) period: when and by whom; null while the period is 进行中. */
export const periodClosing = z.object({ closedAt: instant, closedBy: z.string() });
export type PeriodClosing = z.infer<typeof periodClosing>;

/** One closing or re-opening of a period (re-opening needs a reason). */
export const closingEvent = z.object({
  action: z.enum(['close', 'reopen']),
  actor: z.string(),
  reason: z.string().nullable(),
  at: instant,
});

/** The report of direct-report-rule.md, its enterprise list filtered and paged. */
export const directReportPage = z.object({
  period: z.object({ code: z.string(), type: z.enum(periodTypes), opensAt: instant, closesAt: instant }),
  parameters: ruleParametersSchema,
  /** Closed: the report is the one stored at closing (a what-if still computes from the summaries). */
  closing: periodClosing.nullable(),
  totals: rates,
  cities: z.array(regionRates.extend({ counties: z.array(regionRates) })),
  categories: z.array(rates.extend({ category: z.enum(categories), label: z.string() })),
  sharedIps: z.array(
    z.object({
      ip: z.string(),
      enterpriseCount: z.number(),
      enterprises: z.array(z.string()),
      accounts: z.array(z.string()),
      firstSeen: instant,
      lastSeen: instant,
      /** The bureau's known address the IP falls in (the most specific), or null (seeds/004 §六). */
      operator: z.object({ network: z.string(), label: z.string(), cause: z.enum(operatorCauses) }).nullable(),
    }),
  ),
  /** Per 市州 and 县区 (by code), how many required enterprises each kind of known operator logged in for. */
  operatorCauses: z.array(z.object({ code: z.string(), cause: z.enum(operatorCauses), enterprises: z.number().int() })),
  operatorCauseLabels: z.record(z.enum(operatorCauses), z.string()),
  enterprises: z.array(enterpriseResult),
  /**
   * Enterprise codes that logged in during the period but are not in the master data: the rule
   * counts their logins (they share IPs), and the platform should add them (the first 1 000 listed).
   */
  unknownEnterprises: z.object({ count: z.number().int(), codes: z.array(z.string()) }),
  flagLabels: z.record(z.enum(flags), z.string()),
  /** Each flag in words with the bureau's threshold, as shown next to a region (seeds/004 §五). */
  flagExplanations: z.record(z.enum(flags), z.string()),
  reasonLabels: z.record(z.enum(reasons), z.string()),
  pagination,
});
export type DirectReportPage = z.infer<typeof directReportPage>;

/** One point of the rates' trend over recent periods (the dashboard's chart). */
export const trendPoint = z.object({ code: z.string(), type: z.enum(periodTypes), closing: periodClosing.nullable(), totals: rates });
export type TrendPoint = z.infer<typeof trendPoint>;

export const ingestResult = z.object({
  received: z.number().int(),
  accepted: z.number().int(),
  duplicates: z.number().int(),
  rejected: z.number().int(),
  rejections: z.array(z.object({ line: z.number().int(), reason: z.string() })),
});
export type IngestResult = z.infer<typeof ingestResult>;

/** One login-events request as the platform sent it and how it ended; `rejections` is null after 30 days. */
export const ingestion = z.object({
  id: z.number().int(),
  token: z.object({ id: z.number().int().nullable(), name: z.string().nullable() }),
  startedAt: instant,
  finishedAt: instant,
  outcome: z.enum(['stored', 'nothing_accepted', 'broken']),
  received: z.number().int(),
  accepted: z.number().int(),
  duplicates: z.number().int(),
  rejected: z.number().int(),
  rejections: ingestResult.shape.rejections.nullable(),
});
export type Ingestion = z.infer<typeof ingestion>;

/** The region and reason filter of a report or of its export. */
export const exportFilter = z.object({
  city: z.string().optional(),
  county: z.string().optional(),
  reason: z.string().optional(),
});

export const reportFilter = exportFilter.extend({
  page: z.coerce.number().optional(),
  pageSize: z.coerce.number().optional(),
  /** What-if parameters for this one report (direct-report-rule.md "Parameters"); the settings stay. */
  threshold: z.string().optional(),
  scope: z.string().optional(),
});

/** A batch written by natural key, all or nothing. */
export const upsertResult = z.object({ received: z.number().int(), created: z.number().int(), updated: z.number().int() });

export const storedPeriod = z.object({
  code: z.string(),
  type: z.enum(periodTypes),
  opensAt: instant,
  closesAt: instant,
  closing: periodClosing.nullable(),
});
const periodParams = z.object({ code: z.string() });
export const storedDelegation = z.object({
  enterpriseCode: z.string(),
  agencyName: z.string(),
  agencyNo: z.string().nullable(),
  effectiveFrom: instant,
  effectiveTo: instant.nullable(),
});

export const storedOperatorAddress = z.object({ network: z.string(), label: z.string(), cause: z.enum(operatorCauses) });

/** The export's file types, by the format at the end of its path. */
export const exportFormats = {
  csv: 'text/csv',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

export const directReport = {
  upsertEnterprises: defineEndpoint({
    method: 'PUT',
    path: '/api/direct-report/enterprises',
    auth: 'api-token',
    request: { body: z.unknown() },
    responses: { 200: upsertResult },
    errors: [400, 401, 403],
  }),
  ingestLoginEvents: defineEndpoint({
    method: 'POST',
    path: '/api/direct-report/login-events',
    auth: 'api-token',
    /** A JSON array or NDJSON, streamed. */
    responses: { 200: ingestResult },
    // 422: every line was refused; the body carries the counts and the error contract.
    errors: [400, 401, 403, 413, 415, 422],
  }),
  exportReport: defineEndpoint({
    method: 'GET',
    path: '/api/direct-report/reports/:period.:format(csv|xlsx)',
    auth: 'api-token',
    request: { params: z.object({ period: z.string(), format: z.enum(['csv', 'xlsx']) }) },
    responses: { 200: fileBody },
    errors: [401, 404],
    file: Object.values(exportFormats),
  }),
  report: defineEndpoint({
    method: 'GET',
    path: '/api/direct-report/reports/:period',
    auth: 'api-token',
    request: { params: z.object({ period: z.string() }), query: reportFilter },
    responses: { 200: directReportPage },
    errors: [400, 401, 404],
  }),
  listPeriods: defineEndpoint({
    method: 'GET',
    path: '/api/direct-report/periods',
    auth: 'api-token',
    responses: { 200: z.object({ data: z.array(storedPeriod) }) },
    errors: [401],
  }),
  /** The platform's calendar: insert or update by code. A changed window rebuilds that period's summaries. */
  upsertPeriods: defineEndpoint({
    method: 'PUT',
    path: '/api/direct-report/periods',
    auth: 'api-token',
    request: { body: z.unknown() },
    responses: { 200: upsertResult },
    errors: [400, 401, 403],
  }),
  /** 收口: stores the period's report as it stands; its report reads that from now on. */
  closePeriod: defineEndpoint({
    method: 'POST',
    path: '/api/direct-report/periods/:code/close',
    auth: 'api-token',
    request: { params: periodParams },
    responses: { 200: periodClosing },
    errors: [401, 403, 404, 409],
  }),
  /** Re-opens a closed period, with a reason; the report computes from the summaries again. */
  reopenPeriod: defineEndpoint({
    method: 'POST',
    path: '/api/direct-report/periods/:code/reopen',
    auth: 'api-token',
    request: { params: periodParams, body: z.object({ reason: z.string() }) },
    responses: { 200: z.object({ closings: z.array(closingEvent) }) },
    errors: [400, 401, 403, 404, 409],
  }),
  listDelegations: defineEndpoint({
    method: 'GET',
    path: '/api/direct-report/delegations',
    auth: 'api-token',
    request: { query: z.object({ enterprise: z.string().optional() }) },
    responses: { 200: z.object({ data: z.array(storedDelegation) }) },
    errors: [400, 401],
  }),
  /** The province's list of agents: insert or update by (enterprise, agency, effective from). */
  upsertDelegations: defineEndpoint({
    method: 'PUT',
    path: '/api/direct-report/delegations',
    auth: 'api-token',
    request: { body: z.unknown() },
    responses: { 200: upsertResult },
    errors: [400, 401, 403],
  }),
  listOperatorAddresses: defineEndpoint({
    method: 'GET',
    path: '/api/direct-report/operator-addresses',
    auth: 'api-token',
    responses: { 200: z.object({ data: z.array(storedOperatorAddress) }) },
    errors: [401],
  }),
  /** The bureau's known operator addresses (seeds/004 §六): insert or update by network. */
  upsertOperatorAddresses: defineEndpoint({
    method: 'PUT',
    path: '/api/direct-report/operator-addresses',
    auth: 'api-token',
    request: { body: z.unknown() },
    responses: { 200: upsertResult },
    errors: [400, 401, 403],
  }),
  settings: defineEndpoint({
    method: 'GET',
    path: '/api/direct-report/settings',
    auth: 'api-token',
    responses: { 200: ruleParametersSchema },
    errors: [401],
  }),
  /** Replaces the rule's parameters; a full-access token only (a read-only token is refused). */
  updateSettings: defineEndpoint({
    method: 'PUT',
    path: '/api/direct-report/settings',
    auth: 'api-token',
    request: { body: z.unknown() },
    responses: { 200: ruleParametersSchema },
    errors: [400, 401, 403],
  }),
  /** What became of each login-events request, for the platform to reconcile what it sent. */
  ingestions: defineEndpoint({
    method: 'GET',
    path: '/api/direct-report/ingestions',
    auth: 'api-token',
    request: { query: z.object({ since: z.string().optional() }) },
    responses: { 200: z.object({ data: z.array(ingestion) }) },
    errors: [400, 401],
  }),
};
