import { z } from 'zod';
import { statuses } from '../workflow/submission.ts';
import { MIN_PUBLISHED_GROUP } from '../workflow/turnaround.ts';
import { defineEndpoint } from './endpoint.ts';
import { submissionKindIds } from './record-kinds.ts';
import { pagination } from './shared.ts';

export const dataset = z.object({ code: z.string(), name: z.string(), description: z.string(), years: z.string() });
export type Dataset = z.infer<typeof dataset>;

export const homeNotice = z.object({ key: z.string(), title: z.string(), updatedOn: z.string() });
export type HomeNotice = z.infer<typeof homeNotice>;

export const notice = z.object({
  key: z.string(),
  title: z.string(),
  body: z.string(),
  showOnHome: z.boolean(),
  attachment: z.object({ url: z.string(), name: z.string(), sizeKb: z.number() }).nullable(),
});
export type Notice = z.infer<typeof notice>;

/** 通知公告: one line of the list, with its publication date (YYYY-MM-DD, Asia/Shanghai). */
export const noticeListing = z.object({ key: z.string(), title: z.string(), publishedOn: z.string() });
export type NoticeListing = z.infer<typeof noticeListing>;

/** What content editors set in 网站设置: the system's name, the footer, the centre's email (empty when unset). */
export const siteSettings = z.object({
  systemName: z.string(),
  copyright: z.string(),
  address: z.string(),
  phone: z.string(),
  email: z.string(),
  /** Where 最终成果审核表 are sent (seeds/000 §3.5). */
  outcomeReviewEmail: z.string(),
});
export type SiteSettings = z.infer<typeof siteSettings>;

/** 已申请机构: public fields only, never persons, phones or emails. */
export const institutionListing = z.strictObject({
  recordNo: z.string(),
  name: z.string(),
  abbreviation: z.string(),
  status: z.enum(statuses),
  statusLabel: z.string(),
  submittedOn: z.string(),
});
export type InstitutionListing = z.infer<typeof institutionListing>;

/** One approved institution as the 申请机构 choice offers it: its name and number, nothing else. */
export const institutionChoice = z.strictObject({ recordNo: z.string(), name: z.string() });
export type InstitutionChoice = z.infer<typeof institutionChoice>;

/** Figures of one published group: at least MIN_PUBLISHED_GROUP decisions (smaller groups never leave the server). */
const turnaroundFigures = {
  decided: z.number().int().min(MIN_PUBLISHED_GROUP),
  /** Median working days from the complete submission to the decision. */
  medianDays: z.number().nonnegative(),
  /** 90th percentile (nearest rank) of the same. */
  p90Days: z.number().int().nonnegative(),
};
const submissionKind = z.enum(submissionKindIds);

/** 审核时长: per kind and month, counts and days only, never a number or a person. */
export const turnaround = z.strictObject({
  /** The months shown, oldest first (YYYY-MM, Asia/Shanghai). */
  months: z.array(z.string().regex(/^\d{4}-\d{2}$/)),
  /** First day of the recent window (YYYY-MM-DD): the last three months. */
  recentSince: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  minimumGroup: z.literal(MIN_PUBLISHED_GROUP),
  groups: z.array(z.strictObject({ kind: submissionKind, month: z.string(), ...turnaroundFigures })),
  recent: z.array(z.strictObject({ kind: submissionKind, ...turnaroundFigures })),
});
export type TurnaroundAnswer = z.infer<typeof turnaround>;

export const health = z.object({ status: z.enum(['ok', 'unavailable']), database: z.string(), latencyMs: z.number().optional() });
export type Health = z.infer<typeof health>;

export const publicContent = {
  catalog: defineEndpoint({
    method: 'GET',
    path: '/api/public/catalog',
    auth: 'none',
    responses: { 200: z.object({ data: z.array(dataset) }) },
    errors: [],
  }),
  homeNotices: defineEndpoint({
    method: 'GET',
    path: '/api/public/notices',
    auth: 'none',
    responses: { 200: z.object({ data: z.array(homeNotice) }) },
    errors: [],
  }),
  notice: defineEndpoint({
    method: 'GET',
    path: '/api/public/notices/:key',
    auth: 'none',
    request: { params: z.object({ key: z.string() }) },
    responses: { 200: z.object({ data: notice }) },
    errors: [404],
  }),
  noticeList: defineEndpoint({
    method: 'GET',
    path: '/api/public/announcements',
    auth: 'none',
    responses: { 200: z.object({ data: z.array(noticeListing) }) },
    errors: [],
  }),
  siteSettings: defineEndpoint({
    method: 'GET',
    path: '/api/public/site-settings',
    auth: 'none',
    responses: { 200: z.object({ data: siteSettings }) },
    errors: [],
  }),
  institutions: defineEndpoint({
    method: 'GET',
    path: '/api/public/institutions',
    auth: 'none',
    request: {
      query: z.object({ q: z.string().optional(), page: z.coerce.number().optional(), pageSize: z.coerce.number().optional() }),
    },
    responses: { 200: z.object({ institutions: z.array(institutionListing), pagination }) },
    errors: [],
  }),
  institutionChoices: defineEndpoint({
    method: 'GET',
    path: '/api/public/institution-choices',
    auth: 'none',
    request: { query: z.object({ q: z.string().optional() }) },
    responses: { 200: z.object({ choices: z.array(institutionChoice) }) },
    errors: [],
  }),
  turnaround: defineEndpoint({
    method: 'GET',
    path: '/api/public/turnaround',
    auth: 'none',
    responses: { 200: z.object({ data: turnaround }) },
    errors: [],
  }),
  health: defineEndpoint({
    method: 'GET',
    path: '/api/health',
    auth: 'none',
    responses: { 200: health, 503: health },
    errors: [],
  }),
};
