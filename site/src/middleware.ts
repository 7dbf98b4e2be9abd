import { defineMiddleware, sequence } from 'astro:middleware';
import { limitRequestBody } from './lib/body-limit';
import { UNAVAILABLE_MARKER } from './lib/unavailable';

/**
 * Security headers on every answer (issue 4): scripts only from our own files (no inline
 * script), no framing, no referrer to other sites. HSTS only when served over TLS.
 */
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "object-src 'none'",
].join('; ');

const addSecurityHeaders = defineMiddleware(async (context, next) => {
  let response = await next();
  if (response.headers.has(UNAVAILABLE_MARKER)) {
    const headers = new Headers(response.headers);
    headers.delete(UNAVAILABLE_MARKER);
    headers.set('Retry-After', '60');
    response = new Response(response.body, { status: 503, headers });
  }
  const headers = response.headers;
  if (!headers.has('Content-Security-Policy')) headers.set('Content-Security-Policy', CSP);
  headers.set('X-Content-Type-Options', 'nosniff');
  headers.set('X-Frame-Options', 'DENY');
  headers.set('Referrer-Policy', 'same-origin');
  headers.set('Permissions-Policy', 'camera=(), microphone=(), geolocation=()');
  if (context.url.protocol === 'https:') headers.set('Strict-Transport-Security', 'max-age=31536000');
  return response;
});

// The headers go on every answer, the body limit's 413 page included.
export const onRequest = sequence(addSecurityHeaders, limitRequestBody);
