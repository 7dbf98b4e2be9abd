import { fileNameOf } from '../../../config/src/contract/content-disposition.ts';

/** Small HTTP helpers for the public API of a test Strapi. */
export interface JsonResponse<T = Record<string, unknown>> {
  status: number;
  body: T;
  headers: Headers;
}

export async function postJson<T = Record<string, unknown>>(
  baseUrl: string,
  path: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<JsonResponse<T>> {
  const response = await fetch(`${baseUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json().catch(() => ({}))) as T, headers: response.headers };
}

export async function getJson<T = Record<string, unknown>>(
  baseUrl: string,
  path: string,
  headers: Record<string, string> = {},
): Promise<JsonResponse<T>> {
  const response = await fetch(`${baseUrl}${path}`, { headers });
  return { status: response.status, body: (await response.json().catch(() => ({}))) as T, headers: response.headers };
}

export interface Submitted {
  applicationNo: string;
  queryPassword: string;
  status: string;
}

/** Field errors of a 400 answer in the contract's shape. */
export const fieldErrors = (body: unknown): Record<string, string> =>
  ((body as { error?: { details?: { fields?: Record<string, string> } } }).error?.details?.fields ?? {}) as Record<string, string>;

/** Han characters: a zh-CN message has some, an English one none. */
export const CJK = /[\u3400-\u9fff]/;

interface ContractError {
  status: number;
  name: string;
  message: string;
  details: { fields: Record<string, string> };
}

/**
 * Why an error answer is outside the contract (DESIGN.md: `{ error: { status, name, message,
 * details: { fields } } }`, zh-CN), or undefined when it follows it.
 */
export function contractProblem(status: number, text: string): string | undefined {
  let body: { error?: Partial<ContractError> };
  try {
    body = JSON.parse(text);
  } catch {
    return `${status} is not JSON: ${text.slice(0, 200)}`;
  }
  const error = body.error;
  if (!error) return `${status} has no error: ${text.slice(0, 200)}`;
  if (error.status !== status) return `${status} says status ${error.status}`;
  if (typeof error.name !== 'string' || error.name === '') return `${status} has no name`;
  if (typeof error.message !== 'string' || !CJK.test(error.message)) return `${status} message is not zh-CN: ${error.message}`;
  const fields = error.details?.fields;
  if (typeof fields !== 'object' || fields === null || Array.isArray(fields)) return `${status} has no details.fields object`;
  return undefined;
}

/**
 * A JSON call to the direct-reporting API with an API token: its status and body (null when the
 * answer is not JSON, such as an export).
 */
export async function callWithToken(url: string, token: string, method: string, path: string, body?: unknown) {
  const response = await fetch(`${url}${path}`, {
    method,
    body: body === undefined ? undefined : JSON.stringify(body),
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
  });
  return { status: response.status, body: response.headers.get('content-type')?.includes('json') ? await response.json() : null };
}

/** How a response offers its file (attachment or inline) and the name it is saved under (RFC 6266). */
export const downloadOf = (response: { headers: Headers }) => {
  const header = response.headers.get('content-disposition');
  return { disposition: header?.split(';')[0]?.trim(), name: fileNameOf(header) };
};
