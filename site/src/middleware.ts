import { defineMiddleware, sequence } from 'astro:middleware';
import { t } from '@statdesk/config';
import { limitRequestBody } from './lib/body-limit';
import { inLocale, localizeLinks, splitLocale } from './lib/locale';
import { crossSiteMessage, isCrossSiteFormPost } from './lib/origin-check';
import { REFUSED_STATUS_MARKER, RequestRefused } from './lib/refused';
import { UNAVAILABLE_MARKER } from './lib/unavailable';

/**
 * Security headers on every answer: scripts only from our own files (no inline
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

/**
 * No page takes a NUL in its address, and the CMS refuses one (400), which the page then turned
 * into a 500. Refused here for every page; not while the error page itself is made for it.
 */
const NUL = /%00/i;

/** The error page's answer with the status its marker carries (Astro gives every error page 500). */
function withMarkedStatus(response: Response): Response {
  const refused = Number(response.headers.get(REFUSED_STATUS_MARKER));
  const unavailable = response.headers.has(UNAVAILABLE_MARKER);
  if (!refused && !unavailable) return response;
  const headers = new Headers(response.headers);
  headers.delete(REFUSED_STATUS_MARKER);
  headers.delete(UNAVAILABLE_MARKER);
  if (unavailable) headers.set('Retry-After', '60');
  return new Response(response.body, { status: unavailable ? 503 : refused, headers });
}

/** Refuses cross-site form posts and NUL addresses, gives the error pages their status, and adds the security headers. */
const secureAnswer = defineMiddleware(async (context, next) => {
  if (context.routePattern !== '/500') {
    if (isCrossSiteFormPost(context.request, context.url)) throw new RequestRefused(403, crossSiteMessage());
    if (NUL.test(context.url.pathname + context.url.search)) throw new RequestRefused(400, t('site.request.badUrl'));
  }
  const response = withMarkedStatus(await next());
  const headers = response.headers;
  if (!headers.has('Content-Security-Policy')) headers.set('Content-Security-Policy', CSP);
  headers.set('X-Content-Type-Options', 'nosniff');
  headers.set('X-Frame-Options', 'DENY');
  headers.set('Referrer-Policy', 'same-origin');
  headers.set('Permissions-Policy', 'camera=(), microphone=(), geolocation=()');
  if (context.url.protocol === 'https:') headers.set('Strict-Transport-Security', 'max-age=31536000');
  return response;
});

/**
 * `/en/…` is the page of `/…` in English (one page file for both languages): answered by that
 * page with t() in English, its links kept in English (lib/locale.ts).
 */
const chooseLanguage = defineMiddleware((context, next) => {
  const { locale, pathname } = splitLocale(context.url.pathname);
  if (locale === 'zh-CN') return next();
  return inLocale(locale, async () => localizeLinks(await next(`${pathname}${context.url.search}`), locale));
});

// The headers go on every answer, the body limit's 413 page included.
export const onRequest = sequence(chooseLanguage, secureAnswer, limitRequestBody);
