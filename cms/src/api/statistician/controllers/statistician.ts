import type { Core } from '@strapi/strapi';
import { answer } from '../../../lib/http-errors';

type Ctx = Parameters<Core.MiddlewareHandler>[0];
type Registration = ReturnType<typeof import('../services/registration').default>;
const registration = () => strapi.service('api::statistician.registration' as never) as unknown as Registration;

export default {
  register: (ctx: Ctx) => answer(ctx, async () => ({ status: 201, body: await registration().register(ctx.request.body) })),
  /** The reporting gate (see routes). */
  findOne: (ctx: Ctx) => answer(ctx, async () => ({ body: await registration().gate(String(ctx.params.enterpriseCode)) })),
};
