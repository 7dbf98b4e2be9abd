import type { Core } from '@strapi/strapi';
import { answer } from '../../../lib/http-errors';
import { runningServicesIn } from '../../../lib/services';

type Ctx = Parameters<Core.MiddlewareHandler>[0];
const service = runningServicesIn('api::direct-report');

/** The bureau's known operator addresses. `find` because Strapi lets a read-only token call only `find`/`findOne`. */
export default {
  find: (ctx: Ctx) => answer(ctx, async () => ({ body: { data: await service('operator-addresses').list() } })),
  upsert: (ctx: Ctx) => answer(ctx, async () => ({ body: await service('operator-addresses').upsert(ctx.request.body) })),
};
