import type { Core } from '@strapi/strapi';
import { answer } from '../../../lib/http-errors';
import { runningServicesIn } from '../../../lib/services';

type Ctx = Parameters<Core.MiddlewareHandler>[0];
const service = runningServicesIn('api::direct-report');

/** What became of each login-events request. `find` because Strapi lets a read-only token call only `find`/`findOne`. */
export default {
  find: (ctx: Ctx) => answer(ctx, async () => ({ body: { data: await service('ingestions').list(ctx.query.since) } })),
};
