import { PublicError, sendPublicError } from '../lib/http-errors';

/**
 * A PublicError thrown below a controller of ours is answered by `answer()`; one thrown inside a
 * plugin's controller (the media library's allow-list, extensions/upload) would reach Strapi's
 * error handler as an unknown error, a 500. This answers it in the contract's shape instead.
 */
export default () =>
  async (ctx: Parameters<typeof sendPublicError>[0], next: () => Promise<void>): Promise<void> => {
    try {
      await next();
    } catch (error) {
      if (!(error instanceof PublicError)) throw error;
      sendPublicError(ctx, error);
    }
  };
