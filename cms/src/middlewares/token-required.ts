import { t } from '@statdesk/config';
import { PublicError, sendPublicError } from '../lib/http-errors';

/**
 * The data collection platform's routes take an API token only. Without one, Strapi's auth falls
 * back to the public role and answers 403 "Forbidden", which tells the caller it lacks a
 * permission when it lacks credentials (RFC 9110 §15.5.2: 401 with WWW-Authenticate). A token that
 * is present but wrong or too weak is still judged by Strapi.
 */
const TOKEN_ROUTES = /^\/api\/direct-report(?:\/|$)/;
const BEARER = /^Bearer\s+\S/i;

export default () =>
  async (
    ctx: Parameters<typeof sendPublicError>[0] & { path: string; get(name: string): string },
    next: () => Promise<void>,
  ): Promise<void> => {
    if (!TOKEN_ROUTES.test(ctx.path) || BEARER.test(ctx.get('authorization'))) return next();
    sendPublicError(
      ctx,
      new PublicError(
        401,
        'UnauthorizedError',
        t('http.tokenMissing'),
        {},
        {
          'WWW-Authenticate': 'Bearer',
        },
      ),
    );
  };
