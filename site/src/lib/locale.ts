/**
 * The language of a page: zh-CN at `/…` (the default), English at `/en/…`, one page file for both.
 * The middleware answers `/en/…` with the page of `/…` and keeps the language for the request in
 * AsyncLocalStorage, where t() (config/src/i18n) reads it; links the pages write as `/…` are
 * written as `/en/…` on the way out (localizeLinks), so a page never spells its language.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { activeLocale, DEFAULT_LOCALE, type Locale, setLocaleSource, translator } from '@statdesk/config';

const requestLocale = new AsyncLocalStorage<Locale>();
setLocaleSource(() => requestLocale.getStore());

/** The address prefix of each language; zh-CN has none. */
const PREFIX: Record<Locale, string> = { 'zh-CN': '', en: '/en' };

/** Runs the answer to a request in `locale`: every t() on the way answers in it. */
export const inLocale = <T>(locale: Locale, answer: () => Promise<T>): Promise<T> => requestLocale.run(locale, answer);

/** The language an address is in, and the address of the page without its prefix. */
export function splitLocale(pathname: string): { locale: Locale; pathname: string } {
  if (pathname === '/en' || pathname.startsWith('/en/')) return { locale: 'en', pathname: pathname.slice(3) || '/' };
  return { locale: DEFAULT_LOCALE, pathname };
}

/** The address of a page (written as `/…`) in `locale`. */
export const pathIn = (locale: Locale, path: string): string =>
  PREFIX[locale] && path.startsWith('/') ? `${PREFIX[locale]}${path === '/' ? '' : path}` || '/' : path;

/** The address of the page being answered in the active language. */
export const localePath = (path: string): string => pathIn(activeLocale(), path);

/** The other language of the site, for the switch: its code and its name in itself. */
export function otherLanguage(): { locale: Locale; name: string; lang: string } {
  const locale: Locale = activeLocale() === 'en' ? 'zh-CN' : 'en';
  return { locale, name: translator(locale)('site.layout.languageName'), lang: locale };
}

/** Files served as they are, in either language: never prefixed. */
const UNPREFIXED = /^\/(?:en(?:\/|$)|js\/|_astro\/|favicon|healthz)/;

/** `href`, `action`, `formaction` and `src` of site addresses in the HTML, and a redirect's Location, prefixed for `locale`. */
export async function localizeLinks(response: Response, locale: Locale): Promise<Response> {
  if (locale === DEFAULT_LOCALE) return response;
  const headers = new Headers(response.headers);
  const location = headers.get('Location');
  if (location?.startsWith('/') && !location.startsWith('//') && !UNPREFIXED.test(location))
    headers.set('Location', pathIn(locale, location));
  if (!headers.get('Content-Type')?.startsWith('text/html') || !response.body)
    return new Response(response.body, { status: response.status, headers });
  const html = (await response.text()).replace(/\b(href|action|formaction)="(\/(?!\/)[^"]*)"/g, (whole, attribute: string, path: string) =>
    UNPREFIXED.test(path) ? whole : `${attribute}="${pathIn(locale, path)}"`,
  );
  headers.delete('Content-Length');
  return new Response(html, { status: response.status, headers });
}
