import { t } from '@statdesk/config';
import { PublicError, sendPublicError } from '../lib/http-errors';

/**
 * PostgreSQL cannot store or compare text holding NUL, so a `%00` in a path or query parameter
 * turned a look-up into a 500 (found by tests/integration/security/fuzzing.test.ts). No record
 * number, code or filter contains one: refuse the request before any route sees it.
 */
const NUL = /%00/i;

export default () =>
  async (ctx: Parameters<typeof sendPublicError>[0] & { url: string }, next: () => Promise<void>): Promise<void> => {
    if (!NUL.test(ctx.url)) return next();
    sendPublicError(ctx, new PublicError(400, 'BadRequestError', t('http.badUrl')));
  };
