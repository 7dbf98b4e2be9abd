import type { Core } from '@strapi/strapi';
import { clientAddress } from '../../../lib/client-address';
import { answer, PublicError } from '../../../lib/http-errors';
import { bearerToken, readRecordToken } from '../../../lib/record-token';

type Ctx = Parameters<Core.MiddlewareHandler>[0];
const service = <T>(name: string) => strapi.service(`api::statistician.${name}` as never) as unknown as T;
type Registration = ReturnType<typeof import('../services/registration').default>;
type Account = ReturnType<typeof import('../services/account').default>;
type Gate = ReturnType<typeof import('../services/gate').default>;

/** The registration a look-up token opens; 401 for any other token. */
function registrationOfToken(ctx: Ctx): string {
  const no = readRecordToken(bearerToken(ctx.get('authorization')))?.records.find((r) => r.startsWith('TJ-'));
  if (!no) throw new PublicError(401, 'UnauthorizedError', '查询已过期，请重新查询');
  return no;
}

export default {
  register: (ctx: Ctx) =>
    answer(ctx, async () => ({ status: 201, body: await service<Registration>('registration').register(ctx.request.body) })),
  lookUp: (ctx: Ctx) =>
    answer(ctx, async () => ({
      body: await service<Account>('account').lookUp(
        ctx.request.body,
        clientAddress(ctx.req.socket.remoteAddress, ctx.get('x-forwarded-for')),
      ),
    })),
  mine: (ctx: Ctx) =>
    answer(ctx, async () => ({ body: { registration: await service<Account>('account').view(registrationOfToken(ctx)) } })),
  resubmit: (ctx: Ctx) =>
    answer(ctx, async () => ({
      body: { registration: await service<Account>('account').resubmit(registrationOfToken(ctx), ctx.request.body) },
    })),
  /** The reporting gate (see routes). */
  findOne: (ctx: Ctx) => answer(ctx, async () => ({ body: await service<Gate>('gate').gate(String(ctx.params.enterpriseCode)) })),
};
