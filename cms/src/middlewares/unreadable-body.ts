import { PublicError, sendPublicError } from '../lib/http-errors';

/**
 * A body the parser cannot read is the sender's fault. koa-body's multipart parser (formidable)
 * marks its errors with `httpCode` (400 for a missing boundary or a truncated part) rather than
 * the `status` Strapi's error handler reads, so they became 500s (found by the fuzzing test,
 * issue 8). This sits just before `strapi::body` and answers them in the contract's shape.
 */
const MESSAGE = '提交的内容不完整或格式不正确，无法读取，请重新填写并提交';

const clientHttpCode = (error: unknown): number | undefined => {
  const code = (error as { httpCode?: unknown; status?: unknown } | null)?.httpCode;
  const hasStatus = (error as { status?: unknown } | null)?.status !== undefined;
  return typeof code === 'number' && code >= 400 && code < 500 && !hasStatus ? code : undefined;
};

export default () =>
  async (ctx: Parameters<typeof sendPublicError>[0], next: () => Promise<void>): Promise<void> => {
    try {
      await next();
    } catch (error) {
      const status = clientHttpCode(error);
      if (!status) throw error;
      sendPublicError(ctx, new PublicError(status, 'BadRequestError', MESSAGE));
    }
  };
