import type { Core } from '@strapi/strapi';
import { clientAddress } from '../../../lib/client-address';
import { answer } from '../../../lib/http-errors';
import { filesOf } from '../../../lib/multipart-answers';
import { lookedUpRecord } from '../../../lib/record-token';
import { servicesIn } from '../../../lib/services';

type Ctx = Parameters<Core.MiddlewareHandler>[0];
// Looked up on each call: this module outlives a Strapi destroyed and started again in one process
// (the tests' restart(), one file booting once per private store), whose services must be the new ones.
const service: ReturnType<typeof servicesIn<'api::agency'>> = (name) => servicesIn(strapi, 'api::agency')(name);

export default {
  register: (ctx: Ctx) =>
    answer(ctx, async () => ({ status: 201, body: await service('registration').register(ctx.request.body, filesOf(ctx.request)) })),
  lookUp: (ctx: Ctx) =>
    answer(ctx, async () => ({
      body: await service('status').lookUp(ctx.request.body, clientAddress(ctx.req.socket.remoteAddress, ctx.get('x-forwarded-for'))),
    })),
  resubmit: (ctx: Ctx) =>
    answer(ctx, async () => {
      const no = lookedUpRecord(ctx.get('authorization'), 'agency');
      await service('registration').resubmit(no, ctx.request.body, filesOf(ctx.request));
      return { body: { agency: await service('status').view(no) } };
    }),
  mine: (ctx: Ctx) =>
    answer(ctx, async () => ({ body: { agency: await service('status').view(lookedUpRecord(ctx.get('authorization'), 'agency')) } })),
};
