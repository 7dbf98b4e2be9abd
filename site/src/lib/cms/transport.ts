/**
 * The only way the site talks to Strapi. `call(endpoint, input)` takes an endpoint of the
 * contract (@statdesk/config/contract) and answers with its typed data or, for a 4xx the person
 * can fix, a Refusal; anything else throws a CmsError naming what it asked for. It never returns
 * undefined on failure.
 */
import { activeLocale } from '@statdesk/config';
import type { AnswerOf, Endpoint, ParamsOf } from '@statdesk/config/contract';
import { pathOf } from '@statdesk/config/contract';
import type { z } from 'zod';
import { CmsError, type Refusal, refusalOf, unexpectedAnswer } from './errors.ts';

const baseUrl = (): string => (process.env.CMS_URL ?? 'http://127.0.0.1:1337').replace(/\/$/, '');

/** One HTTP request to Strapi; throws a CmsError when Strapi cannot be reached. */
export async function request(resource: string, init: RequestInit = {}): Promise<Response> {
  try {
    return await fetch(`${baseUrl()}${resource}`, { ...init, signal: init.signal ?? AbortSignal.timeout(20_000) });
  } catch (cause) {
    throw new CmsError(`CMS unreachable while requesting ${resource}`, resource, undefined, { cause });
  }
}

type BodyOf<E extends Endpoint> = E['request'] extends { body: z.ZodType } ? z.input<E['request']['body']> : never;

export interface CallInput<E extends Endpoint> {
  params?: Record<ParamsOf<E['path']>, string | number>;
  query?: Record<string, string | number | undefined>;
  /** Sent as JSON, or as it is when it is FormData (multipart uploads). */
  body?: BodyOf<E> | FormData;
  /** The bearer token of a query or look-up. */
  token?: string;
  /** The visitor's address, for Strapi's per-address limits (it believes it only from this site). */
  clientAddress?: string;
  timeoutMs?: number;
}

export type Answered<E extends Endpoint> = { ok: true; status: number; data: AnswerOf<E> };

/** The resource (path and query string) of a call. */
export function resourceOf<E extends Endpoint>(endpoint: E, input: CallInput<E> = {}): string {
  const path = pathOf(endpoint, input.params as Record<string, string | number> | undefined);
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(input.query ?? {})) if (value !== undefined && value !== '') query.set(name, String(value));
  return query.size > 0 || input.query ? `${path}?${query}` : path;
}

/** The raw answer of an endpoint (file answers are streamed through as they are). */
export function send<E extends Endpoint>(endpoint: E, input: CallInput<E> = {}): Promise<Response> {
  // The CMS answers its refusals in the page's language (cms/src/middlewares/request-locale.ts).
  const headers: Record<string, string> = { 'accept-language': activeLocale() };
  if (input.token) headers.authorization = `Bearer ${input.token}`;
  if (input.clientAddress) headers['x-forwarded-for'] = input.clientAddress;
  let body: BodyInit | undefined;
  if (input.body instanceof FormData) body = input.body;
  else if (input.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(input.body);
  }
  const signal = input.timeoutMs ? AbortSignal.timeout(input.timeoutMs) : undefined;
  return request(resourceOf(endpoint, input), { method: endpoint.method, headers, body, ...(signal && { signal }) });
}

/** A JSON answer: its data, a Refusal for a 4xx, or a CmsError for anything else. */
export async function readAnswer<E extends Endpoint>(resource: string, response: Response): Promise<Answered<E> | Refusal> {
  if (response.ok) return { ok: true, status: response.status, data: (await response.json()) as AnswerOf<E> };
  if (response.status >= 400 && response.status < 500) return refusalOf(response);
  throw unexpectedAnswer(resource, response);
}

export async function call<E extends Endpoint>(endpoint: E, input: CallInput<E> = {}): Promise<Answered<E> | Refusal> {
  return readAnswer<E>(resourceOf(endpoint, input), await send(endpoint, input));
}

/** A JSON answer the site cannot do without: any refusal throws. */
export async function fetchData<E extends Endpoint>(endpoint: E, input: CallInput<E> = {}): Promise<AnswerOf<E>> {
  const resource = resourceOf(endpoint, input);
  const response = await send(endpoint, input);
  if (!response.ok) throw unexpectedAnswer(resource, response);
  return (await response.json()) as AnswerOf<E>;
}

/** What a look-up or query token opens, or undefined once it has expired (401) or opens nothing. */
export async function openedBy<E extends Endpoint>(endpoint: E, input: CallInput<E>): Promise<AnswerOf<E> | undefined> {
  const resource = resourceOf(endpoint, input);
  const response = await send(endpoint, input);
  if (response.status === 401) return undefined;
  const answer = await readAnswer<E>(resource, response);
  return answer.ok ? answer.data : undefined;
}

/** Answers and files in one multipart request: the answers as JSON in part `data`, each file in its own part. */
export function answersWithFiles(values: Record<string, unknown>, files: Array<{ name: string; file: File }>): FormData {
  const body = new FormData();
  body.append('data', JSON.stringify(values));
  for (const { name, file } of files) body.append(name, file, file.name);
  return body;
}
