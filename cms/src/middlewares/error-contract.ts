/**
 * Every error answer of our API and desk routes in the contract's shape (DESIGN.md):
 * `{ error: { status, name, message, details: { fields } } }` with a zh-CN message. Strapi's
 * `strapi::errors` writes `error.message` from whatever was thrown: Koa's body parser says
 * "Unexpected end of JSON input" or "request entity too large", its auth says "Forbidden", an
 * unmatched route "Not Found", all in English and with no `details.fields`. This wraps
 * `strapi::errors` (it sits just before it in config/middlewares.ts, so it sees the answer that
 * middleware wrote, its 404 for an unmatched route included) and rewrites only what is missing:
 * a zh-CN message already written by our services, and any details Strapi's admin reads (its
 * `details.errors`), are kept.
 */
import { adminApi } from '@statdesk/config/contract';
import { messageForStatus } from '../lib/error-messages';

/** Routes the contract covers: the content API and the admin desks our own code serves (config/src/contract). */
const deskPrefixes = [...new Set(Object.values(adminApi).map((endpoint) => endpoint.path.split('/')[1]))];
const CONTRACT_PATHS = new RegExp(`^/(?:${['api', ...deskPrefixes].join('|')})(?:/|$)`);
const CJK = /[\u3400-\u9fff]/;
/** JavaScript's own error names say nothing to a client; Strapi passes them through from Koa's body parser. */
const GENERIC_NAMES = new Set(['Error', 'SyntaxError', 'TypeError', 'RangeError', 'InternalServerError']);
const NAMES_BY_STATUS: Record<number, string> = {
  400: 'BadRequestError',
  401: 'UnauthorizedError',
  403: 'ForbiddenError',
  404: 'NotFoundError',
  413: 'PayloadTooLargeError',
  500: 'InternalServerError',
};

interface ErrorBody {
  status?: unknown;
  name?: unknown;
  message?: unknown;
  details?: unknown;
}

interface Ctx {
  path: string;
  status: number;
  body: unknown;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** A stream or a file is an answer of its own (a CSV, a PDF); only JSON-like or empty bodies are rewritten. */
const isRewritable = (body: unknown): boolean =>
  body === null ||
  body === undefined ||
  typeof body === 'string' ||
  (isRecord(body) && typeof (body as { pipe?: unknown }).pipe !== 'function' && !Buffer.isBuffer(body));

function nameFor(status: number, name: unknown): string {
  if (typeof name === 'string' && name !== '' && !GENERIC_NAMES.has(name)) return name;
  return NAMES_BY_STATUS[status] ?? (status >= 500 ? 'InternalServerError' : 'BadRequestError');
}

function fieldsOf(details: unknown): Record<string, string> {
  const fields = isRecord(details) ? details.fields : undefined;
  return isRecord(fields) ? (fields as Record<string, string>) : {};
}

/** The contract's error object for an answer of `status` whose body said `error` (possibly nothing). */
export function toContractError(status: number, error: ErrorBody | undefined): Required<ErrorBody> & { details: { fields: object } } {
  const message =
    typeof error?.message === 'string' && CJK.test(error.message) ? error.message : messageForStatus(status, error?.name, error?.message);
  const details = isRecord(error?.details) ? error.details : {};
  return { status, name: nameFor(status, error?.name), message, details: { ...details, fields: fieldsOf(details) } };
}

export default () =>
  async (ctx: Ctx, next: () => Promise<void>): Promise<void> => {
    await next();
    if (ctx.status < 400 || !CONTRACT_PATHS.test(ctx.path) || !isRewritable(ctx.body)) return;
    const error = isRecord(ctx.body) && isRecord(ctx.body.error) ? (ctx.body.error as ErrorBody) : undefined;
    // Setting the body would reset a 4xx without a body to 200 in Koa: keep the status explicitly.
    const status = ctx.status;
    // Other top-level fields stay (an ingestion's 422 keeps its counts and rejections beside the error).
    const rest = isRecord(ctx.body) ? ctx.body : {};
    ctx.body = { ...rest, data: null, error: toContractError(status, error) };
    ctx.status = status;
  };
