import { defineMiddleware } from 'astro:middleware';
import { MAX_FORM_BODY_BYTES } from '@statdesk/config';

/** The page that explains a refused body, rendered with status 413 (pages/request-too-large.astro). */
export const TOO_LARGE_PAGE = '/request-too-large';

/**
 * The largest body the site reads: what the largest form needs (config's MAX_FORM_BODY_BYTES),
 * or less when SITE_MAX_BODY_BYTES says so. The node adapter's own limit (astro.config.mjs) is
 * only a backstop: past it, reading the form fails inside the page.
 */
export const maxBodyBytes = (): number => {
  const lowered = Number(process.env.SITE_MAX_BODY_BYTES);
  return Number.isInteger(lowered) && lowered > 0 ? Math.min(lowered, MAX_FORM_BODY_BYTES) : MAX_FORM_BODY_BYTES;
};

/** Counts a copy of a body that declares no length (chunked); the page reads the original. */
async function streamExceeds(body: ReadableStream<Uint8Array>, limit: number): Promise<boolean> {
  const reader = body.getReader();
  let received = 0;
  try {
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
      received += chunk.value.byteLength;
      if (received > limit) {
        // Not awaited: a tee branch's cancel settles only once the other branch is cancelled too.
        reader.cancel().catch(() => {});
        return true;
      }
    }
    return false;
  } catch (error) {
    // The adapter's own limit ends the stream with this error (astro core/app/node.js).
    return error instanceof Error && error.message.startsWith('Body size limit exceeded');
  }
}

/** Whether a request's body is over the limit: by its Content-Length, or by counting when it has none. */
export async function isBodyTooLarge(request: Request, limit: number): Promise<boolean> {
  if (!request.body) return false;
  const declared = request.headers.get('content-length');
  if (declared !== null) return Number(declared) > limit;
  const copy = request.clone().body;
  return copy ? streamExceeds(copy, limit) : false;
}

/**
 * A 100 MB form post was read whole (the adapter's default limit is 1 GB). A body over what the
 * largest form needs gets the site's own 413 page without being read.
 */
export const limitRequestBody = defineMiddleware(async (context, next) => {
  if (!(await isBodyTooLarge(context.request, maxBodyBytes()))) return next();
  return next(TOO_LARGE_PAGE);
});
