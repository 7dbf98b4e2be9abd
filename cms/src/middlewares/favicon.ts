import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { t } from '@statdesk/config';
import type { Core } from '@strapi/strapi';
import { PublicError, sendPublicError } from '../lib/http-errors';

/**
 * Serves StatDesk's own icon (cms/favicon.ico, drawn by scripts/make-favicon.ts) at /favicon.ico.
 * Strapi's `strapi::favicon` (koa-favicon) reads its file on the first request and throws when it
 * is missing, so every admin page load answered 500. The icon is read once at start; if it is
 * absent the answer is a 404, never a 500.
 */
const ONE_DAY_SECONDS = 86_400;

function readIcon(strapi: Core.Strapi): Buffer | undefined {
  try {
    return readFileSync(join(strapi.dirs.app.root, 'favicon.ico'));
  } catch {
    strapi.log.warn('favicon.ico is missing from the CMS folder; /favicon.ico answers 404');
    return undefined;
  }
}

export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) => {
  const icon = readIcon(strapi);
  return async (
    ctx: Parameters<typeof sendPublicError>[0] & { path: string; method: string; type: string },
    next: () => Promise<void>,
  ): Promise<void> => {
    if (ctx.path !== '/favicon.ico' || !['GET', 'HEAD'].includes(ctx.method)) return next();
    if (!icon) return sendPublicError(ctx, new PublicError(404, 'NotFoundError', t('http.faviconMissing')));
    ctx.set('Cache-Control', `public, max-age=${ONE_DAY_SECONDS}`);
    ctx.type = 'image/x-icon';
    ctx.status = 200;
    ctx.body = icon;
  };
};
