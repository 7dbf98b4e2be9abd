import { t } from '@statdesk/config';

/**
 * Errors a service throws for the controller to answer in the contract's shape (DESIGN.md):
 * `{ error: { status, name, message, details: { fields } } }`.
 */
export class PublicError extends Error {
  constructor(
    readonly status: number,
    readonly errorName: string,
    message: string,
    readonly fields: Record<string, string> = {},
    readonly headers: Record<string, string> = {},
    /** More of `details` beside `fields`, e.g. where to find what cannot be served now. */
    readonly details: Record<string, string> = {},
  ) {
    super(message);
  }
}

export const invalidFields = (fields: Record<string, string>) => new PublicError(400, 'ValidationError', t('http.invalidFields'), fields);

/** 503: this server cannot do it right now (nothing the person sent is wrong); `details` says what to use instead. */
export const serviceUnavailable = (message: string, details: Record<string, string> = {}) =>
  new PublicError(503, 'ServiceUnavailableError', message, {}, {}, details);

interface Ctx {
  status: number;
  body: unknown;
  set(name: string, value: string): void;
}

/** Runs a handler; a PublicError becomes its JSON answer, anything else goes to Strapi's 500 handler. */
export async function answer(ctx: Ctx, handler: () => Promise<{ status?: number; body: unknown }>): Promise<void> {
  try {
    const result = await handler();
    ctx.status = result.status ?? 200;
    ctx.body = result.body;
  } catch (error) {
    if (!(error instanceof PublicError)) throw error;
    sendPublicError(ctx, error);
  }
}

/** Writes a PublicError as the contract's error answer (middlewares use it too). */
export function sendPublicError(ctx: Ctx, error: PublicError): void {
  for (const [name, value] of Object.entries(error.headers)) ctx.set(name, value);
  ctx.status = error.status;
  ctx.body = {
    data: null,
    error: { status: error.status, name: error.errorName, message: error.message, details: { ...error.details, fields: error.fields } },
  };
}
