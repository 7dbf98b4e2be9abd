import { checkMediaFile, type IncomingMedia } from '../lib/media-check';

/** The upload plugin's routes that take files: the admin's `/upload…` and the content API's `/api/upload`. */
const UPLOAD_ROUTE = /^\/(?:api\/)?upload(?:\/|$)/;

interface Ctx {
  method: string;
  path: string;
  request: { files?: Record<string, IncomingMedia | IncomingMedia[]> };
}

/**
 * Checks every file sent to the media library before the plugin's controller sees it, so that a
 * refusal is our zh-CN 415 rather than the plugin's English 400 (its `security` check runs first
 * in its controller). The upload service checks again (extensions/upload) for paths without a
 * multipart body, such as upload-from-URL.
 */
export default () =>
  async (ctx: Ctx, next: () => Promise<void>): Promise<void> => {
    if ((ctx.method === 'POST' || ctx.method === 'PUT') && UPLOAD_ROUTE.test(ctx.path)) {
      for (const file of Object.values(ctx.request.files ?? {}).flat()) await checkMediaFile(file);
    }
    await next();
  };
