/**
 * Chinese for every message of Strapi's admin and of its admin plugins that their own zh-Hans
 * files leave out (and for the few that name Strapi). The admin speaks only zh-Hans
 * (chinese-interface.ts), so English is never loaded as a fallback: each missing message showed
 * its English default and logged react-intl's MISSING_TRANSLATION error.
 *
 * One file per package under strapi/, named by the plugin's id, with Strapi's own keys: Strapi
 * prefixes a plugin's keys with its id when it merges them (@strapi/admin StrapiApp.loadTrads,
 * each plugin's registerTrads → prefixPluginTranslations); `admin` is the admin's own, unprefixed.
 * tests/unit/cms/admin/strapi-words.test.ts fails on any English message left without Chinese.
 */
const files = import.meta.glob<Record<string, string>>('./strapi/*.json', { eager: true, import: 'default' });

const pluginIdOf = (path: string) => path.replace(/^.*\/|\.json$/g, '');

export function strapiWords(): Record<string, string> {
  const entries = Object.entries(files).flatMap(([path, messages]) => {
    const pluginId = pluginIdOf(path);
    const prefix = pluginId === 'admin' ? '' : `${pluginId}.`;
    return Object.entries(messages).map(([key, text]) => [`${prefix}${key}`, text] as const);
  });
  return Object.fromEntries(entries);
}
