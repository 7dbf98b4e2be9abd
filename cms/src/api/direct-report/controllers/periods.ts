import type { Core } from '@strapi/strapi';
import { answer } from '../../../lib/http-errors';
import { runningServicesIn } from '../../../lib/services';

type Ctx = Parameters<Core.MiddlewareHandler>[0];
const service = runningServicesIn('api::direct-report');

/** The API token that closes or re-opens, as the history names it. */
const tokenActor = (ctx: Ctx) => `API token ${(ctx.state.auth?.credentials as { name?: string } | undefined)?.name ?? ''}`.trim();
const code = (ctx: Ctx) => String(ctx.params.code);

/** The platform's calendar. `find` because Strapi lets a read-only token call only `find`/`findOne`. */
export default {
  find: (ctx: Ctx) => answer(ctx, async () => ({ body: { data: await service('periods').list() } })),
  upsert: (ctx: Ctx) => answer(ctx, async () => ({ body: await service('periods').upsert(ctx.request.body) })),
  close: (ctx: Ctx) => answer(ctx, async () => ({ body: await service('closing').close(code(ctx), tokenActor(ctx)) })),
  reopen: (ctx: Ctx) =>
    answer(ctx, async () => {
      const body = (ctx.request.body ?? {}) as { reason?: unknown };
      await service('closing').reopen(code(ctx), tokenActor(ctx), body.reason);
      return { body: { closings: await service('closing').history(code(ctx)) } };
    }),
};
