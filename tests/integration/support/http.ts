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
