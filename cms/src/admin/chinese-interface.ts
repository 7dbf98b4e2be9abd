import type { StrapiApp } from '@strapi/strapi/admin';

/** The one language the office works in: Strapi's own name for Simplified Chinese. */
export const ADMIN_LOCALE = 'zh-Hans';
export const ADMIN_TITLE = '统计数据服务平台 管理后台';

// Where @strapi/admin keeps the chosen language (admin/src/reducer.ts); it falls back to English.
const LANGUAGE_KEY = 'strapi-admin-language';
// @strapi/admin components/MediaLibraryBanner.tsx: dismissed per instance uuid, which is `false`
// while telemetry is off (cms/package.json) and `undefined` until /admin/init has answered.
const GUIDED_TOUR_KEY = 'STRAPI_GUIDED_TOUR';
const MEDIA_LIBRARY_BANNER_KEYS = ['false', 'undefined'].map((uuid) => `STRAPI_MEDIA_LIBRARY_BANNER_DISMISSED_FOR_false:${uuid}`);

/**
 * Makes 简体中文 the admin's default and only language. Strapi always adds English to
 * `config.locales` and starts everyone in English until they pick a language in their profile;
 * dropping it here (register runs before the translations load and the store is made) leaves
 * Chinese as the only choice on the sign-in page and in the profile.
 */
export function pinChineseInterface(app: StrapiApp): void {
  app.configurations.locales = [ADMIN_LOCALE];
  localStorage.setItem(LANGUAGE_KEY, ADMIN_LOCALE);
  document.documentElement.lang = ADMIN_LOCALE;
  for (const key of MEDIA_LIBRARY_BANNER_KEYS) localStorage.setItem(key, 'true');
  skipGuidedTour();
  nameTheTabAsOurs();
}

/**
 * Strapi's guided tour ("Discover your application!", admin/src/components/GuidedTour) teaches
 * building a Strapi project, not reviewing; `config.tutorials` does not reach it. Its state lives
 * in localStorage, and a stored `enabled: false` is what its own "close guided tour" leaves.
 */
function skipGuidedTour(): void {
  let stored: Record<string, unknown> = {};
  try {
    stored = JSON.parse(localStorage.getItem(GUIDED_TOUR_KEY) ?? '{}') ?? {};
  } catch {
    // An unreadable state is replaced; the tour's own migration fills in the rest.
  }
  localStorage.setItem(GUIDED_TOUR_KEY, JSON.stringify({ ...stored, enabled: false }));
}

/**
 * Strapi titles every page "<page> | Strapi" (admin/src/components/PageHelpers.tsx) and the
 * document "Strapi Admin"; the office's staff see the platform's name instead.
 */
function nameTheTabAsOurs(): void {
  const rename = () => {
    const title = document.title.replace(/ \| Strapi$/, ` | ${ADMIN_TITLE}`).replace(/^Strapi Admin$/, ADMIN_TITLE);
    if (title !== document.title) document.title = title;
  };
  rename();
  const head = document.querySelector('head');
  if (head) new MutationObserver(rename).observe(head, { subtree: true, childList: true, characterData: true });
}
