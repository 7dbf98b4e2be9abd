import { z } from 'zod';
import { outboxStates } from '../admin/mail-outbox.ts';
import { statuses } from '../workflow/submission.ts';
import { defineEndpoint, fileBody } from './endpoint.ts';
import { decisionVerbs, submissionKindIds } from './record-kinds.ts';
import { pagination, recordNoParams, storedFile } from './shared.ts';

const kind = z.enum(submissionKindIds);
/** A field the caller's role may not read is sent as （无权查看） (cms/src/lib/field-access.ts). */
const readable = z.string();

export const queue = z.object({
  kind,
  noun: z.string(),
  collection: z.string(),
  queues: z.array(z.object({ status: z.enum(statuses), label: z.string(), count: z.number().int() })),
});
export type Queue = z.infer<typeof queue>;

export const recordSummary = z.object({
  documentId: z.string(),
  recordNo: z.string(),
  applicant: readable,
  organisation: readable,
  status: z.enum(statuses),
  statusLabel: z.string(),
  submittedAt: z.string(),
  reviewedAt: z.string().nullable(),
  /** 未识别二维码 when the current stamped form's QR code could not be read on upload; else null. */
  scanFlag: z.string().nullable(),
});
export type RecordSummary = z.infer<typeof recordSummary>;

export const recordList = z.object({ rows: z.array(recordSummary), pagination });
export type RecordList = z.infer<typeof recordList>;

export const historyEvent = z.object({
  action: z.string(),
  /** The event in words (通过, 审核员重新发放查询密码…). */
  actionLabel: z.string(),
  from: z.string().nullable(),
  fromLabel: z.string().nullable(),
  to: z.string(),
  toLabel: z.string(),
  actor: z.string(),
  reason: z.string().nullable(),
  /** What the event changed, one zh-CN line per field (修改申请: old → new; personal fields by name only). */
  changes: z.array(z.string()),
  at: z.string(),
});
export type HistoryEvent = z.infer<typeof historyEvent>;

/** The desk's view of one record: status, what may happen next, the scan, attachments and history. */
export const recordDetail = z.object({
  recordNo: z.string(),
  kind,
  noun: z.string(),
  status: z.enum(statuses),
  statusLabel: z.string(),
  reviewReason: z.string().nullable(),
  accessStart: z.string().nullable(),
  accessEnd: z.string().nullable(),
  actions: z.array(z.object({ action: z.enum(decisionVerbs), label: z.string(), needsReason: z.boolean() })),
  stampedForm: storedFile.extend({ scanFlag: z.string().nullable() }).nullable(),
  attachments: z.array(storedFile),
  history: z.array(historyEvent),
  /** A change application's approved original beside it, answer by answer (seeds/000 §3.3). */
  original: z
    .object({
      recordNo: z.string(),
      rows: z.array(z.object({ label: z.string(), original: readable, change: readable })),
    })
    .nullable(),
});
export type RecordDetail = z.infer<typeof recordDetail>;

/** One email to the applicant as the desk shows it: queued with the change that caused it. */
export const outboxMessage = z.object({
  /** What caused it: submitted, or the decision's action (approve, return, reject). */
  kind: z.string(),
  subject: z.string(),
  state: z.enum(outboxStates),
  /** 待发送 / 已发送 / 发送失败. */
  stateLabel: z.string(),
  attempts: z.number().int(),
  /** Why the last attempt failed, as the mail server or the network said it. */
  lastError: z.string().nullable(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
  /** When a pending message is tried next. */
  nextAttemptAt: z.string().nullable(),
});
export type OutboxMessage = z.infer<typeof outboxMessage>;

export const recordMessages = z.object({ mailEnabled: z.boolean(), messages: z.array(outboxMessage) });
export type RecordMessages = z.infer<typeof recordMessages>;

export const overview = z.object({
  waiting: z.array(z.object({ kind, noun: z.string(), count: z.number().int() })),
  oldestWaitingDays: z.number().nullable(),
  oldestWaitingSince: z.string().nullable(),
  decisionsThisWeek: z.number(),
  medianDaysToDecision: z.number().nullable(),
  mailEnabled: z.boolean(),
});
export type Overview = z.infer<typeof overview>;

export const templateSummary = z.object({
  formId: z.string(),
  title: z.string(),
  overridden: z.boolean(),
  changedBy: z.string().nullable(),
  updatedAt: z.string().nullable(),
});
export type TemplateSummary = z.infer<typeof templateSummary>;

export const template = z.object({
  formId: z.string(),
  title: z.string(),
  overridden: z.boolean(),
  source: z.string(),
  defaultSource: z.string(),
});
export type Template = z.infer<typeof template>;

export const listFilter = z.object({
  kind: z.string(),
  status: z.string().optional(),
  q: z.string().optional(),
  page: z.coerce.number().optional(),
});

export const decisionBody = z.object({
  action: z.enum(decisionVerbs),
  reason: z.string().optional(),
  accessStart: z.string().optional(),
  accessEnd: z.string().optional(),
});

const formIdParams = z.object({ formId: z.string() });
const desk = '/review-desk';

export const reviewDesk = {
  deskQueues: defineEndpoint({ method: 'GET', path: `${desk}/queues`, auth: 'admin', responses: { 200: z.array(queue) }, errors: [401] }),
  deskOverview: defineEndpoint({
    method: 'GET',
    path: `${desk}/overview`,
    auth: 'admin',
    responses: { 200: overview },
    errors: [401, 403],
  }),
  deskMail: defineEndpoint({
    method: 'GET',
    path: `${desk}/mail`,
    auth: 'admin',
    responses: { 200: z.object({ enabled: z.boolean() }) },
    errors: [401],
  }),
  deskRecords: defineEndpoint({
    method: 'GET',
    path: `${desk}/records`,
    auth: 'admin',
    request: { query: listFilter },
    responses: { 200: recordList },
    errors: [400, 401, 403],
  }),
  deskExport: defineEndpoint({
    method: 'GET',
    path: `${desk}/export`,
    auth: 'admin',
    request: { query: listFilter.extend({ format: z.enum(['csv', 'xlsx']).optional() }) },
    responses: { 200: fileBody },
    errors: [400, 401, 403],
    file: ['text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
  }),
  deskRecord: defineEndpoint({
    method: 'GET',
    path: `${desk}/records/:no`,
    auth: 'admin',
    request: { params: recordNoParams },
    responses: { 200: recordDetail },
    errors: [401, 403, 404],
  }),
  deskMessages: defineEndpoint({
    method: 'GET',
    path: `${desk}/records/:no/messages`,
    auth: 'admin',
    request: { params: recordNoParams },
    responses: { 200: recordMessages },
    errors: [401, 403, 404],
  }),
  deskDecide: defineEndpoint({
    method: 'POST',
    path: `${desk}/records/:no/decisions`,
    auth: 'admin',
    request: { params: recordNoParams, body: decisionBody },
    responses: { 200: recordDetail },
    errors: [400, 401, 403, 404, 409],
  }),
  /**
   * 重新发放查询密码: for an applicant who lost theirs (mail off, or no email on the record). The
   * new password is in this answer once; the old one stops working; the history records it.
   */
  deskIssuePassword: defineEndpoint({
    method: 'POST',
    path: `${desk}/records/:no/query-password`,
    auth: 'admin',
    request: { params: recordNoParams, body: z.object({ reason: z.string() }) },
    responses: { 200: z.object({ queryPassword: z.string() }) },
    errors: [400, 401, 403, 404],
  }),
  deskStampedForm: defineEndpoint({
    method: 'GET',
    path: `${desk}/records/:no/stamped-form`,
    auth: 'admin',
    request: { params: recordNoParams },
    responses: { 200: fileBody },
    errors: [401, 403, 404],
    file: ['application/pdf', 'image/jpeg', 'image/png'],
  }),
  deskAttachment: defineEndpoint({
    method: 'GET',
    path: `${desk}/records/:no/attachments/:index`,
    auth: 'admin',
    request: { params: recordNoParams.extend({ index: z.coerce.number() }) },
    responses: { 200: fileBody },
    errors: [401, 403, 404],
    file: ['application/pdf', 'image/jpeg', 'image/png'],
  }),
  deskFormPdf: defineEndpoint({
    method: 'GET',
    path: `${desk}/records/:no/form.pdf`,
    auth: 'admin',
    request: { params: recordNoParams },
    responses: { 200: fileBody },
    errors: [401, 403, 404, 503],
    file: ['application/pdf'],
  }),
  deskTemplates: defineEndpoint({
    method: 'GET',
    path: `${desk}/templates`,
    auth: 'admin',
    responses: { 200: z.array(templateSummary) },
    errors: [401, 403],
  }),
  deskTemplate: defineEndpoint({
    method: 'GET',
    path: `${desk}/templates/:formId`,
    auth: 'admin',
    request: { params: formIdParams },
    responses: { 200: template },
    errors: [401, 403, 404],
  }),
  deskSaveTemplate: defineEndpoint({
    method: 'PUT',
    path: `${desk}/templates/:formId`,
    auth: 'admin',
    request: { params: formIdParams, body: z.object({ source: z.string() }) },
    responses: { 200: template },
    errors: [400, 401, 403, 404],
  }),
  deskResetTemplate: defineEndpoint({
    method: 'DELETE',
    path: `${desk}/templates/:formId`,
    auth: 'admin',
    request: { params: formIdParams },
    responses: { 200: template },
    errors: [401, 403, 404],
  }),
  deskPreviewTemplate: defineEndpoint({
    method: 'POST',
    path: `${desk}/templates/:formId/preview`,
    auth: 'admin',
    request: { params: formIdParams, body: z.object({ source: z.string() }) },
    responses: { 200: z.object({ html: z.string() }) },
    errors: [400, 401, 403, 404],
  }),
};
