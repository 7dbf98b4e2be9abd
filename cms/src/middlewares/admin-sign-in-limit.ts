import { t } from '@statdesk/config';
import type { Core } from '@strapi/strapi';
import { underLimits } from '../lib/attempt-limit';
import { clientAddress } from '../lib/client-address';

/**
 * Strapi's own sign-in limit (admin.rateLimit) counts in each instance's memory, so behind a
 * load balancer every instance gave a fresh five guesses. This puts POST /admin/login under the
 * attempt limits every instance shares in PostgreSQL (lib/attempt-limit, docs/deploy.md "Security
 * model"): 5 failures per e-mail address or 20 per client address in 15 minutes, then 429.
 * After the body parser, which gives it the e-mail address.
 */
interface Ctx {
  method: string;
  path: string;
  status: number;
  request: { body?: unknown };
  req: { socket: { remoteAddress?: string } };
  get(header: string): string;
}

/**
 * Strapi refuses a wrong e-mail or password by throwing ApplicationError("Invalid credentials")
 * (@strapi/admin server/src/services/auth.ts), which strapi::errors, outside this, makes a 400.
 */
const REFUSALS = new Set(['ApplicationError', 'ValidationError', 'UnauthorizedError']);

type Outcome = { status: number } | { thrown: unknown };

const failed = (outcome: Outcome) =>
  'thrown' in outcome
    ? REFUSALS.has((outcome.thrown as { name?: string } | null)?.name ?? '')
    : outcome.status === 400 || outcome.status === 401;

export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) =>
  async (ctx: Ctx, next: () => Promise<void>): Promise<void> => {
    if (ctx.method !== 'POST' || ctx.path !== '/admin/login') return next();
    const email = (ctx.request.body as { email?: unknown } | undefined)?.email;
    if (typeof email !== 'string' || email.trim() === '') return next();
    const address = clientAddress(ctx.req.socket.remoteAddress, ctx.get('x-forwarded-for'));
    // Caught here and thrown after the commit, so that the failure is recorded.
    const outcome = await underLimits<Outcome>(
      strapi,
      { scope: 'admin_email', value: email.trim().toLowerCase() },
      address,
      () =>
        next().then(
          () => ({ status: ctx.status }),
          (thrown: unknown) => ({ thrown }),
        ),
      failed,
      (minutes) => t('admin.signIn.tooManyFor', { minutes }),
    );
    if ('thrown' in outcome) throw outcome.thrown;
  };
