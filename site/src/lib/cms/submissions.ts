/** The microdata submissions: submit, query, the printable form, the stamped form and attachments. */
import type { SubmissionKindId } from '@statdesk/config';
import { endpoints, type OutcomeSubmitted, type Submitted } from '@statdesk/config/contract';
import { forget } from './cache.ts';
import { type ErrorBody, type Refusal, unexpectedAnswer } from './errors.ts';
import { answersWithFiles, call, openedBy, resourceOf, send } from './transport.ts';

export type { QueryRecord, StoredFile as Attachment } from '@statdesk/config/contract';

const SUBMIT = {
  institution: endpoints.submitInstitution,
  'data-application': endpoints.submitDataApplication,
  'change-application': endpoints.submitChangeApplication,
  outcome: endpoints.submitOutcome,
} as const;

/** The answers as JSON; with files, the answers as JSON in part `data` and each file in its own part (one request, stored together). */
export async function submit(kind: SubmissionKindId, values: Record<string, unknown>, files: Array<{ name: string; file: File }> = []) {
  const body = files.length === 0 ? values : answersWithFiles(values, files);
  const answer = await call(SUBMIT[kind], { body, ...(files.length > 0 && { timeoutMs: 120_000 }) });
  // After this instance registers an institution, its listing and the forms' choices show it at once.
  if (answer.ok && kind === 'institution') forget(endpoints.institutions);
  return answer as { ok: true; status: number; data: Submitted | OutcomeSubmitted } | Refusal;
}

/** The client's address travels as X-Forwarded-For; Strapi believes it only from a trusted proxy (this site). */
export const queryRecords = (phone: string, password: string, clientAddress: string) =>
  call(endpoints.query, { body: { phone, password }, clientAddress });

/** The records a token opens now, with the token renewed (forgotten after 30 minutes idle); undefined once it is not valid. */
export const refreshRecords = (token: string) => openedBy(endpoints.records, { token });

/** The CMS cannot make the printable form in this format right now (no PDF printer): its zh-CN message. */
export interface PrintableUnavailable {
  unavailable: string;
}

/** Strapi's own 503 for a form it cannot print, as opposed to a proxy's 503 while Strapi is down. */
async function printableUnavailable(response: Response): Promise<PrintableUnavailable | undefined> {
  if (response.status !== 503) return undefined;
  const body = (await response.json().catch(() => ({}))) as ErrorBody;
  return body.error?.name === 'ServiceUnavailableError' ? { unavailable: body.error.message } : undefined;
}

/**
 * The printable form as the CMS renders it, streamed through; undefined when the token does not
 * open it; PrintableUnavailable when the CMS cannot print the PDF (the HTML form still works).
 */
export async function fetchPrintable(
  no: string,
  format: 'html' | 'pdf',
  token: string,
): Promise<Response | PrintableUnavailable | undefined> {
  const endpoint = format === 'html' ? endpoints.formHtml : endpoints.formPdf;
  const response = await send(endpoint, { params: { no }, token });
  if (response.status === 401 || response.status === 404) return undefined;
  const unavailable = await printableUnavailable(response);
  if (unavailable) return unavailable;
  if (!response.ok) throw unexpectedAnswer(resourceOf(endpoint, { params: { no } }), response);
  return response;
}

/** Each file in part `file`, in the order chosen. */
const fileForm = (...files: File[]) => {
  const body = new FormData();
  for (const file of files) body.append('file', file, file.name);
  return body;
};

/** The stamped form: one scan, or several (a photo per page) that the CMS joins into one PDF. */
export const uploadStampedForm = (no: string, files: File[], token: string) =>
  call(endpoints.uploadStampedForm, { params: { no }, body: fileForm(...files), token, timeoutMs: 60_000 });

export const addAttachment = (no: string, file: File, token: string) =>
  call(endpoints.addAttachment, { params: { no }, body: fileForm(file), token, timeoutMs: 60_000 });

export async function listAttachments(no: string, token: string) {
  const answer = await call(endpoints.listAttachments, { params: { no }, token });
  return answer.ok ? answer.data.attachments : undefined;
}

/** A record's stored answers and the reviewer's reason (修改申请); undefined when the token does not open it. */
export async function storedAnswers(no: string, token: string) {
  const answer = await call(endpoints.recordAnswers, { params: { no }, token });
  return answer.ok ? answer.data : undefined;
}

export const resubmit = (no: string, values: Record<string, unknown>, token: string) =>
  call(endpoints.resubmitRecord, { params: { no }, body: values, token });

/** A change application's answers from its approved original (number, phone and its query password). */
export const changePrefill = (body: { applicationNo: string; phone: string; password: string }, clientAddress: string) =>
  call(endpoints.changePrefill, { body, clientAddress });

/** 忘记查询密码: asks for a one-time link to the email on the record (409 when mail is off). */
export const requestPasswordReset = (applicationNo: string, phone: string, clientAddress: string) =>
  call(endpoints.requestPasswordReset, { body: { applicationNo, phone }, clientAddress });

/** Follows a reset link: the record's new query password, once. */
export const resetQueryPassword = (token: string) => call(endpoints.resetPassword, { body: { token } });
