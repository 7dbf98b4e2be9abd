import type { Core } from '@strapi/strapi';
import { answer } from '../../../lib/http-errors';
import { lookedUpRecord } from '../../../lib/record-token';
import { runningServicesIn } from '../../../lib/services';

type Ctx = Parameters<Core.MiddlewareHandler>[0];
const service = runningServicesIn('api::registration-link');
/** The registration the look-up token opens: links are always its maker's own. */
const maker = (ctx: Ctx) => lookedUpRecord(ctx.get('authorization'), 'statistician');

export default {
  list: (ctx: Ctx) => answer(ctx, async () => ({ body: { links: await service('links').list(maker(ctx)) } })),
  create: (ctx: Ctx) => answer(ctx, async () => ({ status: 201, body: await service('links').create(maker(ctx), ctx.request.body) })),
  revoke: (ctx: Ctx) => answer(ctx, async () => ({ body: await service('links').revoke(maker(ctx), String(ctx.params.id)) })),
  findOne: (ctx: Ctx) => answer(ctx, async () => ({ body: await service('links').describe(String(ctx.params.token)) })),
};
