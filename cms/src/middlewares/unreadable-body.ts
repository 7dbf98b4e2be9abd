import { t } from '@statdesk/config';
import { messageForStatus } from '../lib/error-messages';
import { PublicError, sendPublicError } from '../lib/http-errors';

/**
 * A body the parser cannot read is the sender's fault: answered here, in the contract's shape and
 * in zh-CN, without the error log a server fault gets. This sits just before `strapi::body`, whose
 * parsers mark their errors in three ways:
 * - koa-body's multipart parser (formidable) sets `httpCode` (400 for a missing boundary or a
 *   truncated part) rather than the `status` Strapi's error handler reads, so they became 500s;
 * - co-body's JSON parser sets `status` 400 and the unread text as `body` on whatever parsing threw
 *   ("Unexpected end of JSON input", "invalid JSON, only supports object and array", secure-json-parse's
 *   "Object contains forbidden prototype property", a RangeError for nesting too deep);
 * - raw-body sets `status` and a `type` such as `entity.too.large` (413) or `request.aborted`.
 */
const MESSAGE = t('http.unreadableBody');
const RAW_BODY_TYPES = /^(?:entity|request|encoding|charset|stream)\./;

interface ParserError {
  httpCode?: unknown;
  status?: unknown;
  type?: unknown;
  body?: unknown;
  name?: unknown;
}

const isClientStatus = (status: unknown): status is number => typeof status === 'number' && status >= 400 && status < 500;

/** The answer for an error of Koa's body parsers, or undefined for any other error. */
export function refusalOf(error: unknown): PublicError | undefined {
  const e = (error ?? {}) as ParserError;
  if (isClientStatus(e.httpCode) && e.status === undefined) return new PublicError(e.httpCode, 'BadRequestError', MESSAGE);
  if (e.status === 400 && error instanceof Error && typeof e.body === 'string')
    return new PublicError(400, 'BadRequestError', messageForStatus(400, 'SyntaxError', error.message));
  if (isClientStatus(e.status) && typeof e.type === 'string' && RAW_BODY_TYPES.test(e.type))
    return new PublicError(
      e.status,
      e.status === 413 ? 'PayloadTooLargeError' : 'BadRequestError',
      e.status === 400 ? MESSAGE : messageForStatus(e.status, e.name, ''),
    );
  return undefined;
}

export default () =>
  async (ctx: Parameters<typeof sendPublicError>[0], next: () => Promise<void>): Promise<void> => {
    try {
      await next();
    } catch (error) {
      const refusal = refusalOf(error);
      if (!refusal) throw error;
      sendPublicError(ctx, refusal);
    }
  };
