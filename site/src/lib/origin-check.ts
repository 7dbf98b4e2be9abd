import { t } from '@statdesk/config';

/**
 * The cross-site form check Astro's `security.checkOrigin` makes (astro/dist/core/app/origin-check.js),
 * made here so that the refusal is our error page in zh-CN instead of Astro's English plain text:
 * a state-changing request whose Origin is not the site's own is refused unless its body cannot be
 * a form a browser posts across sites (JSON and the like need a CORS preflight, which we never grant).
 * `url` is the request as Astro reads it, X-Forwarded-Host/-Proto believed only for SITE_DOMAINS.
 */
const FORM_CONTENT_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain'];
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export const crossSiteMessage = () => t('site.request.crossSite');

export function isCrossSiteFormPost(request: Request, url: URL): boolean {
  if (SAFE_METHODS.has(request.method) || request.headers.get('origin') === url.origin) return false;
  const type = request.headers.get('content-type')?.toLowerCase();
  return type === undefined || FORM_CONTENT_TYPES.some((form) => type.includes(form));
}
