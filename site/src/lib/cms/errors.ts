import { t } from '@statdesk/config';

/** What a call to Strapi can end in besides its answer (site/src/lib/cms/transport.ts). */
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

/** A 4xx the person can fix (their answers, their password), or throws for anything else. */
export type Refusal = { ok: false; status: number; message: string; fields: Record<string, string>; retryAfter?: number };

export interface ErrorBody {
  error?: { status: number; name: string; message: string; details?: { fields?: Record<string, string> } };
}

/** A 4xx answer as a Refusal the page shows next to the fields. */
export async function refusalOf(response: Response): Promise<Refusal> {
  const body = (await response.json().catch(() => ({}))) as ErrorBody;
  const retryAfter = Number(response.headers.get('retry-after')) || undefined;
  return {
    ok: false,
    status: response.status,
    message: body.error?.message ?? t('site.request.refused'),
    fields: body.error?.details?.fields ?? {},
    ...(retryAfter && { retryAfter }),
  };
}

export const unexpectedAnswer = (resource: string, response: Response) =>
  new CmsError(`CMS answered ${response.status} for ${resource}`, resource, response.status);
