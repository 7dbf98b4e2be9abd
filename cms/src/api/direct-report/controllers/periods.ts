import type { Core } from '@strapi/strapi';
import { answer } from '../../../lib/http-errors';
import { runningServicesIn } from '../../../lib/services';

type Ctx = Parameters<Core.MiddlewareHandler>[0];
const service = runningServicesIn('api::direct-report');

/** The platform's calendar. `find` because Strapi lets a read-only token call only `find`/`findOne`. */
export default {
  find: (ctx: Ctx) => answer(ctx, async () => ({ body: { data: await service('periods').list() } })),
  upsert: (ctx: Ctx) => answer(ctx, async () => ({ body: await service('periods').upsert(ctx.request.body) })),
};
