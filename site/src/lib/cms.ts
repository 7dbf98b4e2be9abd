/**
 * The only module of the site that talks to Strapi. Every call either returns typed data or
 * throws a CmsError naming what it asked for; it never returns undefined on failure.
 */

export class CmsError extends Error {
  constructor(
    message: string,
    readonly resource: string,
    readonly status?: number,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'CmsError';
  }

  /** True when Strapi could not be reached at all (the site shows its "unavailable" page). */
  get isUnreachable(): boolean {
    return this.status === undefined;
  }
}

const baseUrl = (): string => (process.env.CMS_URL ?? 'http://127.0.0.1:1337').replace(/\/$/, '');

async function requestJson<T>(resource: string, init: RequestInit = {}): Promise<T> {
  let response: Response;
  try {
    response = await fetch(`${baseUrl()}${resource}`, { ...init, signal: init.signal ?? AbortSignal.timeout(10_000) });
  } catch (cause) {
    throw new CmsError(`CMS unreachable while requesting ${resource}`, resource, undefined, { cause });
  }
  if (!response.ok) throw new CmsError(`CMS answered ${response.status} for ${resource}`, resource, response.status);
  return (await response.json()) as T;
}

export interface Health {
  status: 'ok' | 'unavailable';
  database: string;
}

export const getHealth = (): Promise<Health> => requestJson<Health>('/api/health');
