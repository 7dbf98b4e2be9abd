import { z } from 'zod';
import { delegatorListTypes } from '../forms/agency-list.ts';
import { agencyLevels, agencyStatuses } from '../workflow/agency.ts';
import { registrationStates } from '../workflow/statistician.ts';
import { closingEvent, directReportPage, exportFilter, exportFormats, periodClosing, reportFilter, trendPoint } from './direct-report.ts';
import { defineEndpoint, fileBody } from './endpoint.ts';
import { recordNoParams } from './shared.ts';

/** One step of a registration's or agency's history as the bureau reads it. */
export const bureauEvent = z.object({
  action: z.string(),
  actionLabel: z.string(),
  toLabel: z.string(),
  actor: z.string(),
  reason: z.string().nullable(),
  /** A personal field's change is stored by name only ({ withheld: true }), never with its values. */
  changes: z
    .record(z.string(), z.union([z.object({ from: z.unknown(), to: z.unknown() }), z.object({ withheld: z.literal(true) })]))
    .nullable()
    .optional(),
  at: z.string(),
});
export type BureauEvent = z.infer<typeof bureauEvent>;

/**
 * A registration through the caller's field permissions: fields the role may not read come
 * masked, so only the fields every role reads are pinned here.
 */
export const bureauRegistration = z.looseObject({
  registrationNo: z.string(),
  state: z.enum(registrationStates),
  stateLabel: z.string(),
});

export const statisticianRecord = z.object({
  registration: bureauRegistration,
  history: z.array(bureauEvent),
  fieldLabels: z.record(z.string(), z.string()),
  canManage: z.boolean(),
  /** Why the registration cannot be changed here (注销, or outside the user's 辖区), when it cannot. */
  readOnlyReason: z.string().optional(),
});
export type StatisticianRecord = z.infer<typeof statisticianRecord>;

export const agencyRecord = z.object({
  agency: z.looseObject({
    registrationNo: z.string(),
    status: z.enum(agencyStatuses),
    statusLabel: z.string(),
    reviewReason: z.string().nullable(),
    effectiveDate: z.string().nullable(),
    countyCode: z.string(),
    countyName: z.string(),
    /**
     * `letter`: the purpose of the enterprise's 委托书 among the documents; `listed`: from the
     * uploaded list (whose letters are one file); `known`: in the enterprise master data (报表单位).
     */
    delegators: z.array(z.object({ code: z.string(), name: z.string(), letter: z.string(), listed: z.boolean(), known: z.boolean() })),
  }),
  documents: z.array(z.object({ purpose: z.string(), fileName: z.string(), mime: z.string(), size: z.number() })),
  history: z.array(bureauEvent),
  /** What each level below decided last, who and why (seeds/004 §七), county first. */
  decisions: z.array(
    z.object({
      level: z.enum(agencyLevels),
      levelLabel: z.string(),
      actionLabel: z.string(),
      actor: z.string(),
      reason: z.string().nullable(),
      at: z.string(),
    }),
  ),
  level: z.enum(agencyLevels).nullable(),
  canDecide: z.boolean(),
});
export type AgencyRecord = z.infer<typeof agencyRecord>;

const reasonBody = z.object({ reason: z.string() });
const bureau = '/bureau-desk';

/** The signed-in user's 辖区分配, for the lists to say why they are empty. */
export const myJurisdiction = z.object({
  /** Whether the user's roles work in one region only (county and city bureaus). */
  regionBound: z.boolean(),
  regionCode: z.string().nullable(),
  regionName: z.string().nullable(),
  /** What to tell a region-bound user who has no region yet. */
  unassignedMessage: z.string().nullable(),
});
export type MyJurisdiction = z.infer<typeof myJurisdiction>;

/** What waits for the signed-in officer in the agency chain (seeds/004 §七): one queue per level they decide, within their 辖区. */
export const agencyQueues = z.object({
  queues: z.array(
    z.object({
      level: z.enum(agencyLevels),
      status: z.enum(agencyStatuses),
      statusLabel: z.string(),
      count: z.number().int(),
      /** Days since the oldest waiting registration was submitted; null when none waits. */
      oldestWaitingDays: z.number().int().nullable(),
    }),
  ),
  /** What to tell a county or city officer who has no region yet (then `queues` is empty). */
  unassignedMessage: z.string().nullable(),
});
export type AgencyQueues = z.infer<typeof agencyQueues>;

export const bureauDesk = {
  bureauAgencyQueues: defineEndpoint({
    method: 'GET',
    path: `${bureau}/agency-queues`,
    auth: 'admin',
    responses: { 200: agencyQueues },
    errors: [401, 403],
  }),
  bureauMyJurisdiction: defineEndpoint({
    method: 'GET',
    path: `${bureau}/jurisdiction`,
    auth: 'admin',
    responses: { 200: myJurisdiction },
    errors: [401],
  }),
  bureauStatistician: defineEndpoint({
    method: 'GET',
    path: `${bureau}/statisticians/:no`,
    auth: 'admin',
    request: { params: recordNoParams },
    responses: { 200: statisticianRecord },
    errors: [401, 403, 404],
  }),
  bureauReopenStatistician: defineEndpoint({
    method: 'POST',
    path: `${bureau}/statisticians/:no/reopen`,
    auth: 'admin',
    request: { params: recordNoParams, body: reasonBody },
    responses: { 200: bureauRegistration },
    errors: [400, 401, 403, 404, 409],
  }),
  bureauRemoveStatistician: defineEndpoint({
    method: 'POST',
    path: `${bureau}/statisticians/:no/remove`,
    auth: 'admin',
    request: { params: recordNoParams, body: reasonBody },
    responses: { 200: bureauRegistration },
    errors: [400, 401, 403, 404, 409],
  }),
  /** Confirms a service unit typed by hand: from then on it opens the gate. */
  bureauConfirmStatisticianUnit: defineEndpoint({
    method: 'POST',
    path: `${bureau}/statisticians/:no/units/:code/confirm`,
    auth: 'admin',
    request: { params: recordNoParams.extend({ code: z.string() }), body: z.object({ reason: z.string().optional() }) },
    responses: { 200: bureauRegistration },
    errors: [400, 401, 403, 404, 409],
  }),
  /** A new query password, shown once to the officer (a lost one cannot be recovered). */
  bureauResetStatisticianPassword: defineEndpoint({
    method: 'POST',
    path: `${bureau}/statisticians/:no/reset-password`,
    auth: 'admin',
    request: { params: recordNoParams, body: reasonBody },
    responses: { 200: z.object({ registration: bureauRegistration, queryPassword: z.string() }) },
    errors: [400, 401, 403, 404, 409],
  }),
  bureauAgency: defineEndpoint({
    method: 'GET',
    path: `${bureau}/agencies/:no`,
    auth: 'admin',
    request: { params: recordNoParams },
    responses: { 200: agencyRecord },
    errors: [401, 403, 404],
  }),
  bureauDecideAgency: defineEndpoint({
    method: 'POST',
    path: `${bureau}/agencies/:no/decisions`,
    auth: 'admin',
    request: {
      params: recordNoParams,
      body: z.object({ decision: z.enum(['approve', 'reject']), reason: z.string().optional(), effectiveDate: z.string().optional() }),
    },
    responses: { 200: z.object({ from: z.enum(agencyStatuses), to: z.enum(agencyStatuses) }) },
    errors: [400, 401, 403, 404, 409],
  }),
  bureauAgencyDocument: defineEndpoint({
    method: 'GET',
    path: `${bureau}/agencies/:no/documents/:purpose`,
    auth: 'admin',
    request: { params: recordNoParams.extend({ purpose: z.string() }) },
    responses: { 200: fileBody },
    errors: [401, 403, 404],
    // Scans, and the original 委托企业清单 as the agency uploaded it (seeds/004 §七).
    file: ['application/pdf', 'image/jpeg', 'image/png', ...Object.values(delegatorListTypes)],
  }),
  bureauReportPeriods: defineEndpoint({
    method: 'GET',
    path: `${bureau}/direct-report/periods`,
    auth: 'admin',
    responses: { 200: z.array(trendPoint) },
    errors: [401, 403],
  }),
  /** 收口 from the dashboard: whoever may edit the 网报期. */
  bureauClosePeriod: defineEndpoint({
    method: 'POST',
    path: `${bureau}/direct-report/periods/:code/close`,
    auth: 'admin',
    request: { params: z.object({ code: z.string() }) },
    responses: { 200: periodClosing },
    errors: [401, 403, 404, 409],
  }),
  bureauReopenPeriod: defineEndpoint({
    method: 'POST',
    path: `${bureau}/direct-report/periods/:code/reopen`,
    auth: 'admin',
    request: { params: z.object({ code: z.string() }), body: reasonBody },
    responses: { 200: z.object({ closings: z.array(closingEvent) }) },
    errors: [400, 401, 403, 404, 409],
  }),
  /** Every closing and re-opening of a period, for the dashboard. */
  bureauPeriodClosings: defineEndpoint({
    method: 'GET',
    path: `${bureau}/direct-report/periods/:code/closings`,
    auth: 'admin',
    request: { params: z.object({ code: z.string() }) },
    responses: { 200: z.object({ closings: z.array(closingEvent), canClose: z.boolean() }) },
    errors: [401, 403, 404],
  }),
  /** The report as a file, filtered like the page and within the officer's region; before bureauReport, which its path would match too. */
  bureauExportReport: defineEndpoint({
    method: 'GET',
    path: `${bureau}/direct-report/reports/:period.:format(csv|xlsx)`,
    auth: 'admin',
    request: { params: z.object({ period: z.string(), format: z.enum(['csv', 'xlsx']) }), query: exportFilter },
    responses: { 200: fileBody },
    errors: [400, 401, 403, 404],
    file: Object.values(exportFormats),
  }),
  bureauReport: defineEndpoint({
    method: 'GET',
    path: `${bureau}/direct-report/reports/:period`,
    auth: 'admin',
    request: { params: z.object({ period: z.string() }), query: reportFilter },
    responses: { 200: directReportPage },
    errors: [400, 401, 403, 404],
  }),
};
