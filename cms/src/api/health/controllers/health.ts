import type { Core } from '@strapi/strapi';

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async check(ctx: { body: unknown; status: number }) {
    const started = Date.now();
    try {
      await strapi.db.connection.raw('select 1');
      ctx.body = { status: 'ok', database: 'ok', latencyMs: Date.now() - started };
    } catch {
      ctx.status = 503;
      ctx.body = { status: 'unavailable', database: 'unreachable' };
    }
  },
});
