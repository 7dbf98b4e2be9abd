import { z } from 'zod';
import { formSchemas } from '../forms/index.ts';
import { statuses } from '../workflow/submission.ts';
import { defineEndpoint, fileBody } from './endpoint.ts';
import { recordNoParams, storedFile } from './shared.ts';

/** The answer to a submission that issues a query password (shown once). */
export const submitted = z.object({
  applicationNo: z.string(),
  queryPassword: z.string(),
  /** Lets the submitter print and upload right away, as a query would (30 minutes). */
  token: z.string(),
  status: z.enum(statuses),
  statusLabel: z.string(),
});
export type Submitted = z.infer<typeof submitted>;

/** An outcome's answer also names its number `outcomeNo`, as the API always has (docs/api.md). */
export const outcomeSubmitted = submitted.extend({ outcomeNo: z.string() });
export type OutcomeSubmitted = z.infer<typeof outcomeSubmitted>;

/**
 * One row of the 申请结果查询 table (seeds/000 §3.4: 序号, 手机号码, 申请人, 申请机构, 申请时间, 审核时间,
 * 审核状态), as the API sends it and the site shows it.
 */
export const queryRecord = z.object({
  index: z.number().int(),
  recordNo: z.string(),
  kind: z.enum(['institution', 'data-application', 'change-application', 'outcome']),
  kindLabel: z.string(),
  phone: z.string(),
  applicant: z.string(),
  organisation: z.string(),
  submittedAt: z.string(),
  reviewedAt: z.string(),
  status: z.enum(statuses),
  statusLabel: z.string(),
  /** The reviewer's reason, when rejected, returned or revoked (终止使用). */
  reason: z.string(),
  /** The access period granted at approval, first and last day (YYYY-MM-DD); null when none was granted. */
  accessStart: z.string().nullable(),
  accessEnd: z.string().nullable(),
  canUpload: z.boolean(),
  /** 修改申请: returned, and of a kind corrected online (config/src/submissions.ts canResubmit). */
  canResubmit: z.boolean(),
});
export type QueryRecord = z.infer<typeof queryRecord>;

const submit = <P extends string, S extends z.ZodType>(path: P, body: z.ZodType, answer: S) =>
  defineEndpoint({ method: 'POST', path, auth: 'none', request: { body }, responses: { 201: answer }, errors: [400] });

const printable = <P extends string, T extends string, S extends number>(path: P, type: T, errors: readonly S[]) =>
  defineEndpoint({
    method: 'GET',
    path,
    auth: 'record-token',
    request: { params: recordNoParams },
    responses: { 200: fileBody },
    errors,
    file: [type],
  });

/** A record's stored answers, for 修改申请 after 退回修改 (the form opens with them). */
export const storedAnswers = z.object({
  recordNo: z.string(),
  kind: z.enum(['institution', 'data-application', 'change-application', 'outcome']),
  status: z.enum(statuses),
  statusLabel: z.string(),
  /** The reviewer's reason for returning it, shown above the form. */
  reason: z.string(),
  answers: z.record(z.string(), z.unknown()),
});
export type StoredAnswers = z.infer<typeof storedAnswers>;

export const submissions = {
  submitInstitution: submit('/api/public/institutions', formSchemas.institution, submitted),
  submitDataApplication: submit('/api/public/data-applications', formSchemas['data-application'], submitted),
  submitChangeApplication: submit('/api/public/change-applications', formSchemas['change-application'], submitted),
  submitOutcome: submit('/api/public/outcomes', formSchemas.outcome, outcomeSubmitted),
  query: defineEndpoint({
    method: 'POST',
    path: '/api/public/query',
    auth: 'none',
    request: { body: z.object({ phone: z.string(), password: z.string() }) },
    responses: { 200: z.object({ token: z.string(), records: z.array(queryRecord) }) },
    errors: [400, 401, 429],
  }),
  records: defineEndpoint({
    method: 'GET',
    path: '/api/public/records',
    auth: 'record-token',
    /** `token` is the same grant renewed: a query is forgotten after 30 minutes idle. */
    responses: { 200: z.object({ token: z.string(), records: z.array(queryRecord) }) },
    errors: [401],
  }),
  /**
   * 忘记查询密码 with mail on: a one-time link to the email on the record. The same 202 whether or
   * not the number and phone match a record with an email (no oracle); 409 when mail is off (the
   * page then says whom to contact); 429 past the limits, counted per record number and address.
   */
  requestPasswordReset: defineEndpoint({
    method: 'POST',
    path: '/api/public/query/password-reset-requests',
    auth: 'none',
    request: { body: z.object({ applicationNo: z.string(), phone: z.string() }) },
    responses: { 202: z.object({ sent: z.literal(true) }) },
    errors: [400, 409, 429],
  }),
  /** The link's token, once and within 30 minutes: the record's new query password, shown once. */
  resetPassword: defineEndpoint({
    method: 'POST',
    path: '/api/public/query/password-resets',
    auth: 'none',
    request: { body: z.object({ token: z.string() }) },
    responses: { 200: z.object({ applicationNo: z.string(), queryPassword: z.string() }) },
    errors: [410],
  }),
  formHtml: printable('/api/public/records/:no/form.html', 'text/html', [401]),
  // 503: no PDF printer right now (the HTML form still works).
  formPdf: printable('/api/public/records/:no/form.pdf', 'application/pdf', [401, 503]),
  uploadStampedForm: defineEndpoint({
    method: 'POST',
    path: '/api/public/records/:no/stamped-form',
    auth: 'record-token',
    /** Multipart, one part `file` (PDF, JPEG or PNG). */
    request: { params: recordNoParams },
    responses: { 200: z.object({ applicationNo: z.string(), status: z.enum(statuses) }) },
    // 415: not a PDF, JPEG or PNG (cms/src/lib/scan-file.ts).
    errors: [400, 401, 409, 413, 415],
  }),
  recordAnswers: defineEndpoint({
    method: 'GET',
    path: '/api/public/records/:no/answers',
    auth: 'record-token',
    request: { params: recordNoParams },
    responses: { 200: storedAnswers },
    errors: [401],
  }),
  /** 修改申请: a returned record's corrected answers, under the same number (the form's own schema). */
  resubmitRecord: defineEndpoint({
    method: 'PUT',
    path: '/api/public/records/:no/answers',
    auth: 'record-token',
    request: { params: recordNoParams, body: z.record(z.string(), z.unknown()) },
    responses: { 200: z.object({ applicationNo: z.string(), status: z.enum(statuses), statusLabel: z.string() }) },
    // 409: the record is not 退回修改 (or its kind cannot be corrected online).
    errors: [400, 401, 409],
  }),
  /**
   * A change application starts from its approved original: the original's number, phone and
   * query password (the password proves the answers are the caller's, as on /query).
   */
  changePrefill: defineEndpoint({
    method: 'POST',
    path: '/api/public/change-applications/prefill',
    auth: 'none',
    request: { body: z.object({ applicationNo: z.string(), phone: z.string(), password: z.string() }) },
    responses: { 200: z.object({ values: z.record(z.string(), z.unknown()) }) },
    errors: [400, 401, 429],
  }),
  listAttachments: defineEndpoint({
    method: 'GET',
    path: '/api/public/records/:no/attachments',
    auth: 'record-token',
    request: { params: recordNoParams },
    responses: { 200: z.object({ attachments: z.array(storedFile) }) },
    errors: [401],
  }),
  addAttachment: defineEndpoint({
    method: 'POST',
    path: '/api/public/records/:no/attachments',
    auth: 'record-token',
    /** Multipart, one part `file` (PDF, JPEG or PNG). */
    request: { params: recordNoParams },
    responses: { 201: z.object({ attachments: z.array(storedFile) }) },
    errors: [400, 401, 409, 413, 415],
  }),
};
