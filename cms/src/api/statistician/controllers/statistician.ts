import type { Core } from '@strapi/strapi';
import { clientAddress } from '../../../lib/client-address';
import { answer } from '../../../lib/http-errors';
import { lookedUpRecord } from '../../../lib/record-token';
import { servicesIn } from '../../../lib/services';

type Ctx = Parameters<Core.MiddlewareHandler>[0];
// Looked up on each call: this module outlives a Strapi destroyed and started again in one process
// (the tests' restart(), one file booting once per private store), whose services must be the new ones.
const service: ReturnType<typeof servicesIn<'api::statistician'>> = (name) => servicesIn(strapi, 'api::statistician')(name);
const addressOf = (ctx: Ctx) => clientAddress(ctx.req.socket.remoteAddress, ctx.get('x-forwarded-for'));

export default {
  register: (ctx: Ctx) =>
    answer(ctx, async () => ({
      status: 201,
      // A comprehensive statistician registering a colleague sends their own look-up token (§十一).
      body: await service('registration').register(
        ctx.request.body,
        addressOf(ctx),
        ctx.get('authorization') ? lookedUpRecord(ctx.get('authorization'), 'statistician') : undefined,
      ),
    })),
  lookUp: (ctx: Ctx) =>
    answer(ctx, async () => ({
      body: await service('account').lookUp(ctx.request.body, addressOf(ctx)),
    })),
  mine: (ctx: Ctx) =>
    answer(ctx, async () => ({
      body: { registration: await service('account').view(lookedUpRecord(ctx.get('authorization'), 'statistician')) },
    })),
  resubmit: (ctx: Ctx) =>
    answer(ctx, async () => ({
      body: { registration: await service('account').resubmit(lookedUpRecord(ctx.get('authorization'), 'statistician'), ctx.request.body) },
    })),
  resubmitServiceUnits: (ctx: Ctx) =>
    answer(ctx, async () => ({
      body: {
        registration: await service('account').resubmitServiceUnits(
          lookedUpRecord(ctx.get('authorization'), 'statistician'),
          ctx.request.body,
        ),
      },
    })),
  gateLink: (ctx: Ctx) => answer(ctx, async () => ({ body: await service('account').describeLink(String(ctx.params.token)) })),
  addGateUnit: (ctx: Ctx) =>
    answer(ctx, async () => ({
      body: await service('account').addGateUnit(String(ctx.params.token), ctx.request.body, addressOf(ctx)),
    })),
  /** The reporting gate (see routes). */
  findOne: (ctx: Ctx) => answer(ctx, async () => ({ body: await service('gate').gate(String(ctx.params.enterpriseCode)) })),
};
