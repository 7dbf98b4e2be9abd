import { z } from 'zod';
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

/** The report of direct-report-rule.md, its enterprise list filtered and paged. */
export const directReportPage = z.object({
  period: z.object({ code: z.string(), type: z.enum(periodTypes), opensAt: instant, closesAt: instant }),
  parameters: ruleParametersSchema,
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
    }),
  ),
  enterprises: z.array(enterpriseResult),
  flagLabels: z.record(z.enum(flags), z.string()),
  /** Each flag in words with the bureau's threshold, as shown next to a region (seeds/004 §五). */
  flagExplanations: z.record(z.enum(flags), z.string()),
  reasonLabels: z.record(z.enum(reasons), z.string()),
  pagination,
});
export type DirectReportPage = z.infer<typeof directReportPage>;

/** One point of the rates' trend over recent periods (the dashboard's chart). */
export const trendPoint = z.object({ code: z.string(), type: z.enum(periodTypes), totals: rates });
export type TrendPoint = z.infer<typeof trendPoint>;

export const ingestResult = z.object({
  received: z.number().int(),
  accepted: z.number().int(),
  duplicates: z.number().int(),
  rejected: z.number().int(),
  rejections: z.array(z.object({ line: z.number().int(), reason: z.string() })),
});
export type IngestResult = z.infer<typeof ingestResult>;

/** The region and reason filter of a report or of its export. */
export const exportFilter = z.object({
  city: z.string().optional(),
  county: z.string().optional(),
  reason: z.string().optional(),
});

export const reportFilter = exportFilter.extend({
  page: z.coerce.number().optional(),
  pageSize: z.coerce.number().optional(),
});

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
    responses: { 200: z.object({ received: z.number().int(), created: z.number().int(), updated: z.number().int() }) },
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
};
