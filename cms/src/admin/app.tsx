import type { StrapiApp } from '@strapi/strapi/admin';
import { ADMIN_LOCALE, pinChineseInterface } from './chinese-interface';
import logo from './extensions/logo.svg';
import { showRegionNames } from './regions';
import { recordLabels } from './translations/record-labels';
import { strapiWords } from './translations/strapi-words';
import chinese from './translations/zh-Hans.json';

/**
 * The admin's own settings. The desks' pages, widgets, panels and actions come from the local
 * plugins (src/plugins/review-desk, src/plugins/bureau-desk).
 */
export default {
  config: {
    // The office works in Chinese only (pinChineseInterface drops the English Strapi adds).
    locales: [ADMIN_LOCALE],
    // Chinese for all that Strapi's zh-Hans leaves in English, our records' words, and our name.
    translations: { [ADMIN_LOCALE]: { ...strapiWords(), ...recordLabels(), ...chinese } },
    auth: { logo },
    menu: { logo },
    // Otherwise every admin page load asks api.github.com for Strapi's latest release: a government
    // network makes no outbound calls (@strapi/admin layouts/AuthenticatedLayout).
    notifications: { releases: false },
    tutorials: false,
  },

  register(app: StrapiApp) {
    pinChineseInterface(app);
  },

  bootstrap(app: StrapiApp) {
    app.registerHook('Admin/CM/pages/ListView/inject-column-in-table', showRegionNames);
  },
};
