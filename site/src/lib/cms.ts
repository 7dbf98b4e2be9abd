/**
 * The only module of the site that talks to Strapi. Every call either returns typed data or
 * throws a CmsError naming what it asked for; it never returns undefined on failure. Answers the
 * person must act on (field errors, a wrong password, a lockout) come back as values.
 */
import type { FieldOption, QueryRecord, SubmissionKindId } from '@statdesk/config';

export type { QueryRecord };

export class CmsError extends Error {
  readonly resource: string;
  readonly status?: number;

  constructor(message: string, resource: string, status?: number, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'CmsError';
    this.resource = resource;
    this.status = status;
  }

  /** True when Strapi could not be reached at all (the site shows its "unavailable" page). */
  get isUnreachable(): boolean {
    return this.status === undefined || this.status === 502 || this.status === 503;
  }
}

const baseUrl = (): string => (process.env.CMS_URL ?? 'http://127.0.0.1:1337').replace(/\/$/, '');

interface ErrorBody {
  error?: { status: number; name: string; message: string; details?: { fields?: Record<string, string> } };
}

async function request(resource: string, init: RequestInit = {}): Promise<Response> {
  try {
    return await fetch(`${baseUrl()}${resource}`, { ...init, signal: init.signal ?? AbortSignal.timeout(20_000) });
  } catch (cause) {
    throw new CmsError(`CMS unreachable while requesting ${resource}`, resource, undefined, { cause });
  }
}

async function requestJson<T>(resource: string, init: RequestInit = {}): Promise<T> {
  const response = await request(resource, init);
  if (!response.ok) throw new CmsError(`CMS answered ${response.status} for ${resource}`, resource, response.status);
  return (await response.json()) as T;
}

/**
 * Public content (catalog, notices, the institution listing) changes a few times a day but every
 * form page reads it: each site instance keeps an answer for a few seconds and asks once for all
 * the requests waiting on it. Without this, page views fan out to three Strapi calls each and the
 * load benchmark saturates at ~100 pages/s (`npm run bench:load`, docs/benchmarks.md). Failures
 * are not kept.
 */
const PUBLIC_CONTENT_SECONDS = 5;
const publicContent = new Map<string, { expires: number; answer: Promise<unknown> }>();

function cachedJson<T>(resource: string): Promise<T> {
  const now = Date.now();
  const kept = publicContent.get(resource);
  if (kept && kept.expires > now) return kept.answer as Promise<T>;
  const answer = requestJson<T>(resource);
  publicContent.set(resource, { expires: now + PUBLIC_CONTENT_SECONDS * 1000, answer });
  answer.catch(() => publicContent.delete(resource));
  return answer;
}

/** After this instance registers an institution, its listing and the forms' choices show it at once. */
const forgetInstitutions = () => {
  for (const resource of publicContent.keys()) if (resource.startsWith('/api/public/institutions')) publicContent.delete(resource);
};

/** A 4xx the person can fix (their answers, their password), or throws for anything else. */
export type Refusal = { ok: false; status: number; message: string; fields: Record<string, string>; retryAfter?: number };

async function sendJson<T>(
  resource: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<{ ok: true; data: T } | Refusal> {
  const response = await request(resource, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  return readAnswer<T>(resource, response);
}

async function readAnswer<T>(resource: string, response: Response): Promise<{ ok: true; data: T } | Refusal> {
  if (response.ok) return { ok: true, data: (await response.json()) as T };
  if (response.status >= 400 && response.status < 500) {
    const body = (await response.json().catch(() => ({}))) as ErrorBody;
    const retryAfter = Number(response.headers.get('retry-after')) || undefined;
    return {
      ok: false,
      status: response.status,
      message: body.error?.message ?? '请求未被接受',
      fields: body.error?.details?.fields ?? {},
      ...(retryAfter && { retryAfter }),
    };
  }
  throw new CmsError(`CMS answered ${response.status} for ${resource}`, resource, response.status);
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

export interface Dataset {
  code: string;
  name: string;
  description: string;
  years: string;
}
export interface Notice {
  key: string;
  title: string;
  body: string;
  attachment: { url: string; name: string } | null;
}
export interface HomeNotice {
  key: string;
  title: string;
  updatedOn: string;
}
export interface InstitutionListing {
  recordNo: string;
  name: string;
  abbreviation: string;
  statusLabel: string;
  submittedOn: string;
}
export interface Pagination {
  page: number;
  pageSize: number;
  total: number;
  pageCount: number;
}
export interface Submitted {
  applicationNo: string;
  queryPassword?: string;
  token?: string;
  status: string;
  statusLabel: string;
}

export const getCatalog = async (): Promise<Dataset[]> => (await cachedJson<{ data: Dataset[] }>('/api/public/catalog')).data;

export const getNotice = async (key: string): Promise<Notice> =>
  (await cachedJson<{ data: Notice }>(`/api/public/notices/${encodeURIComponent(key)}`)).data;

export const getHomeNotices = async (): Promise<HomeNotice[]> => (await cachedJson<{ data: HomeNotice[] }>('/api/public/notices')).data;

export const listInstitutions = (options: { q?: string; page?: number; pageSize?: number } = {}) => {
  const params = new URLSearchParams();
  if (options.q) params.set('q', options.q);
  if (options.page) params.set('page', String(options.page));
  if (options.pageSize) params.set('pageSize', String(options.pageSize));
  return cachedJson<{ institutions: InstitutionListing[]; pagination: Pagination }>(`/api/public/institutions?${params}`);
};

/** Options of fields whose choices live in the CMS, by source. */
export async function getOptionSources(): Promise<Record<'catalog' | 'institutions', FieldOption[]>> {
  const [catalog, institutions] = await Promise.all([getCatalog(), listInstitutions({ pageSize: 1000 })]);
  return {
    catalog: catalog.map((d) => ({ value: d.code, label: d.name })),
    institutions: institutions.institutions.map((i) => ({ value: i.recordNo, label: `${i.name}（${i.recordNo}）` })),
  };
}

const SUBMIT_PATHS: Record<SubmissionKindId, string> = {
  institution: '/api/public/institutions',
  'data-application': '/api/public/data-applications',
  'change-application': '/api/public/change-applications',
  outcome: '/api/public/outcomes',
};

export async function submit(kind: SubmissionKindId, values: Record<string, unknown>): Promise<{ ok: true; data: Submitted } | Refusal> {
  const answer = await sendJson<Submitted & { outcomeNo?: string }>(SUBMIT_PATHS[kind], values);
  if (answer.ok && kind === 'institution') forgetInstitutions();
  if (answer.ok && answer.data.outcomeNo) return { ok: true, data: { ...answer.data, applicationNo: answer.data.outcomeNo } };
  return answer;
}

/** The client's address travels as X-Forwarded-For; Strapi believes it only from a trusted proxy (this site). */
export const queryRecords = (phone: string, password: string, clientAddress: string) =>
  sendJson<{ token: string; records: QueryRecord[] }>('/api/public/query', { phone, password }, { 'x-forwarded-for': clientAddress });

export async function refreshRecords(token: string): Promise<QueryRecord[] | undefined> {
  const response = await request('/api/public/records', { headers: bearer(token) });
  if (response.status === 401) return undefined;
  const answer = await readAnswer<{ records: QueryRecord[] }>('/api/public/records', response);
  return answer.ok ? answer.data.records : undefined;
}

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
  const resource = `/api/public/records/${encodeURIComponent(no)}/form.${format}`;
  const response = await request(resource, { headers: bearer(token) });
  if (response.status === 401 || response.status === 404) return undefined;
  const unavailable = await printableUnavailable(response);
  if (unavailable) return unavailable;
  if (!response.ok) throw new CmsError(`CMS answered ${response.status} for ${resource}`, resource, response.status);
  return response;
}

async function postFile<T>(
  no: string,
  path: 'stamped-form' | 'attachments',
  file: File,
  token: string,
): Promise<{ ok: true; data: T } | Refusal> {
  const body = new FormData();
  body.append('file', file, file.name);
  const resource = `/api/public/records/${encodeURIComponent(no)}/${path}`;
  return readAnswer(
    resource,
    await request(resource, { method: 'POST', headers: bearer(token), body, signal: AbortSignal.timeout(60_000) }),
  );
}

export const uploadStampedForm = (no: string, file: File, token: string) => postFile<{ status: string }>(no, 'stamped-form', file, token);

export interface Attachment {
  fileName: string;
  mime: string;
  size: number;
  uploadedAt: string;
}

export const addAttachment = (no: string, file: File, token: string) =>
  postFile<{ attachments: Attachment[] }>(no, 'attachments', file, token);

export async function listAttachments(no: string, token: string): Promise<Attachment[] | undefined> {
  const resource = `/api/public/records/${encodeURIComponent(no)}/attachments`;
  const answer = await readAnswer<{ attachments: Attachment[] }>(resource, await request(resource, { headers: bearer(token) }));
  return answer.ok ? answer.data.attachments : undefined;
}

export interface Health {
  status: 'ok' | 'unavailable';
  database: string;
}

export const getHealth = (): Promise<Health> => requestJson<Health>('/api/health');

/** A notice's attachment (e.g. the 最终成果审核表), streamed through the site so the CMS need not be public. */
export async function fetchNoticeAttachment(key: string): Promise<{ response: Response; name: string } | undefined> {
  const notice = await getNotice(key);
  const url = notice.attachment?.url;
  if (!url?.startsWith('/uploads/')) return undefined;
  const response = await request(url);
  if (!response.ok) throw new CmsError(`CMS answered ${response.status} for ${url}`, url, response.status);
  return { response, name: notice.attachment?.name ?? 'attachment' };
}

/** A statistician's registration as its holder sees it after the look-up. */
export interface Registration {
  registrationNo: string;
  name: string;
  idNumber: string;
  gender: 'male' | 'female';
  birthDate: string;
  phone: string;
  email: string | null;
  education: string;
  qualification: string;
  employer: string;
  registeredBy: string;
  serviceUnits: Array<{ code: string; name: string; role: string }>;
  state: 'locked' | 'reopened' | 'removed';
  stateLabel: string;
  submittedAt: string;
}

/** A 409 tells that an ID is registered, so it counts against the visitor's attempt limit: the address travels along. */
export const registerStatistician = (values: Record<string, unknown>, clientAddress: string) =>
  sendJson<{ registrationNo: string; queryPassword: string }>('/api/public/statisticians', values, { 'x-forwarded-for': clientAddress });

export const lookUpStatistician = (idNumber: string, password: string, clientAddress: string) =>
  sendJson<{ token: string; registration: Registration }>(
    '/api/public/statisticians/lookup',
    { idNumber, password },
    { 'x-forwarded-for': clientAddress },
  );

/** What a look-up token opens, or undefined once the token has expired. */
async function openedBy<T>(resource: string, token: string): Promise<T | undefined> {
  const response = await request(resource, { headers: bearer(token) });
  if (response.status === 401) return undefined;
  const answer = await readAnswer<T>(resource, response);
  return answer.ok ? answer.data : undefined;
}

export const myRegistration = async (token: string): Promise<Registration | undefined> =>
  (await openedBy<{ registration: Registration }>('/api/public/statisticians/mine', token))?.registration;

export async function resubmitServiceUnits(token: string, serviceUnits: unknown) {
  const resource = '/api/public/statisticians/mine/service-units';
  const response = await request(resource, {
    method: 'PUT',
    headers: { ...bearer(token), 'content-type': 'application/json' },
    body: JSON.stringify({ serviceUnits }),
  });
  return readAnswer<{ registration: Registration }>(resource, response);
}

/** An agency's registration: the answers as JSON and every document, in one multipart request. */
export async function registerAgency(values: Record<string, unknown>, files: Array<{ name: string; file: File }>) {
  const body = new FormData();
  body.append('data', JSON.stringify(values));
  for (const { name, file } of files) body.append(name, file, file.name);
  const resource = '/api/public/agencies';
  return readAnswer<{ registrationNo: string; queryPassword: string; status: string; statusLabel: string }>(
    resource,
    await request(resource, { method: 'POST', body, signal: AbortSignal.timeout(120_000) }),
  );
}

/** An agency's registration as the agency itself reads it (cms/src/api/agency/services/status.ts). */
export interface AgencyStatus {
  registrationNo: string;
  agencyName: string;
  creditCode: string;
  status: string;
  statusLabel: string;
  submittedAt: string;
  reason: string | null;
  effectiveDate: string | null;
  delegators: Array<{ code: string; name: string }>;
  history: Array<{ actionLabel: string; toLabel: string; reason: string | null; at: string }>;
}

export const lookUpAgency = (registrationNo: string, password: string, clientAddress: string) =>
  sendJson<{ token: string; agency: AgencyStatus }>(
    '/api/public/agencies/lookup',
    { registrationNo, password },
    { 'x-forwarded-for': clientAddress },
  );

export const myAgency = async (token: string): Promise<AgencyStatus | undefined> =>
  (await openedBy<{ agency: AgencyStatus }>('/api/public/agencies/mine', token))?.agency;
