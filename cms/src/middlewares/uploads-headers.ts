import { posix } from 'node:path';

/**
 * Strapi serves the media library under /uploads from the CMS's own origin, where the admin's
 * cookies live. Whatever a file is (including files stored before the allow-list existed), the
 * browser must not run it there: no sniffing, a sandbox with nothing allowed, and a download
 * instead of a page for anything but the pictures and PDFs editors link to.
 */
export const UPLOADS_CSP = "sandbox; default-src 'none'";
const SHOWN_INLINE = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'application/pdf']);

/** The path as the static file servers will read it: `/%75ploads/x.html` is `/uploads/x.html` to koa-send. */
function servedPath(path: string): string {
  try {
    return posix.normalize(decodeURIComponent(path));
  } catch {
    return path;
  }
}

export const isUploadsPath = (path: string): boolean => servedPath(path).startsWith('/uploads/');

interface Ctx {
  path: string;
  response: { type: string };
  set(name: string, value: string): void;
}

export default () =>
  async (ctx: Ctx, next: () => Promise<void>): Promise<void> => {
    if (!isUploadsPath(ctx.path)) return next();
    try {
      await next();
    } finally {
      ctx.set('X-Content-Type-Options', 'nosniff');
      ctx.set('Content-Security-Policy', UPLOADS_CSP);
      if (!SHOWN_INLINE.has(ctx.response.type)) ctx.set('Content-Disposition', 'attachment');
    }
  };
