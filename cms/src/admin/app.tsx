import type { StrapiApp } from '@strapi/strapi/admin';
import { showRegionNames } from './regions';

/**
 * The admin's own settings. The desks' pages, widgets, panels and actions come from the local
 * plugins (src/plugins/review-desk, src/plugins/bureau-desk).
 */
export default {
  config: {
    // The office works in Chinese; English stays available in each user's profile.
    locales: ['zh-Hans'],
    // Otherwise every admin page load asks api.github.com for Strapi's latest release: a government
    // network makes no outbound calls (@strapi/admin layouts/AuthenticatedLayout).
    notifications: { releases: false },
    tutorials: false,
  },

  bootstrap(app: StrapiApp) {
    app.registerHook('Admin/CM/pages/ListView/inject-column-in-table', showRegionNames);
  },
};
