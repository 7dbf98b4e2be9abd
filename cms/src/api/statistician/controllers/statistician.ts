import type { Core } from '@strapi/strapi';
import { clientAddress } from '../../../lib/client-address';
import { answer } from '../../../lib/http-errors';
import { lookedUpRecord } from '../../../lib/record-token';

type Ctx = Parameters<Core.MiddlewareHandler>[0];
const service = <T>(name: string) => strapi.service(`api::statistician.${name}` as never) as unknown as T;
type Registration = ReturnType<typeof import('../services/registration').default>;
type Account = ReturnType<typeof import('../services/account').default>;
type Gate = ReturnType<typeof import('../services/gate').default>;
const addressOf = (ctx: Ctx) => clientAddress(ctx.req.socket.remoteAddress, ctx.get('x-forwarded-for'));

export default {
  register: (ctx: Ctx) =>
    answer(ctx, async () => ({
      status: 201,
      body: await service<Registration>('registration').register(ctx.request.body, addressOf(ctx)),
    })),
  lookUp: (ctx: Ctx) =>
    answer(ctx, async () => ({
      body: await service<Account>('account').lookUp(ctx.request.body, addressOf(ctx)),
    })),
  mine: (ctx: Ctx) =>
    answer(ctx, async () => ({
      body: { registration: await service<Account>('account').view(lookedUpRecord(ctx.get('authorization'), 'statistician')) },
    })),
  resubmit: (ctx: Ctx) =>
    answer(ctx, async () => ({
      body: {
        registration: await service<Account>('account').resubmit(
          lookedUpRecord(ctx.get('authorization'), 'statistician'),
          ctx.request.body,
        ),
      },
    })),
  /** The reporting gate (see routes). */
  findOne: (ctx: Ctx) => answer(ctx, async () => ({ body: await service<Gate>('gate').gate(String(ctx.params.enterpriseCode)) })),
};
