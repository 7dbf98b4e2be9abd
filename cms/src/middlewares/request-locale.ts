import { AsyncLocalStorage } from 'node:async_hooks';
import { DEFAULT_LOCALE, isLocale, type Locale, setLocaleSource } from '@statdesk/config';

const requestLocale = new AsyncLocalStorage<Locale>();
setLocaleSource(() => requestLocale.getStore());

/** Where the public API answers; the admin and its plugins stay zh-CN whatever the browser asks. */
const PUBLIC_API = '/api/public/';

/**
 * The language a public request asks for: `?locale=en`, else the first language of
 * Accept-Language (RFC 9110 §12.5.4) when it is one we have (`en-GB` counts as `en`); zh-CN otherwise.
 */
export function localeOfRequest(query: Record<string, unknown>, acceptLanguage: string | undefined): Locale {
  if (isLocale(query.locale)) return query.locale;
  const first = acceptLanguage?.split(',')[0]?.split(';')[0]?.trim().toLowerCase() ?? '';
  return first === 'en' || first.startsWith('en-') ? 'en' : DEFAULT_LOCALE;
}

/** Runs a public API request with t() in its language, so its field errors come back in it. */
export default () =>
  async (ctx: { path: string; query: Record<string, unknown>; get(name: string): string }, next: () => Promise<void>): Promise<void> => {
    if (!ctx.path.startsWith(PUBLIC_API)) return next();
    const locale = localeOfRequest(ctx.query, ctx.get('accept-language') || undefined);
    return locale === DEFAULT_LOCALE ? next() : requestLocale.run(locale, next);
  };
