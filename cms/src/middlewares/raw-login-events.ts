import type { Core } from '@strapi/strapi';

export const INGEST_PATH = '/api/direct-report/login-events';

/**
 * Login events may come in millions per request, so the ingestion route reads the request
 * stream itself and never buffers the whole body (docs/api.md, "Direct-reporting API"). Strapi's
 * body parser would read a JSON body whole first; this runs before it and hides the content type
 * from it for that one route.
 */
export default (_config: unknown, _ctx: { strapi: Core.Strapi }) =>
  async (
    ctx: { method: string; path: string; state: Record<string, unknown>; request: { headers: Record<string, string | undefined> } },
    next: () => Promise<void>,
  ) => {
    if (ctx.method === 'POST' && ctx.path === INGEST_PATH) {
      ctx.state.ingestContentType = ctx.request.headers['content-type'] ?? '';
      ctx.request.headers['content-type'] = 'application/octet-stream';
    }
    await next();
  };
