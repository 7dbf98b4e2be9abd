import { seedSiteSettings } from '@statdesk/config';
import type { SiteSettings } from '@statdesk/config/contract';
import type { Core } from '@strapi/strapi';

const text = (value: unknown): string => (typeof value === 'string' ? value.trim() : '');

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /**
   * The system's name, the footer and the centre's email for 最终成果审核表, as content editors set
   * them (网站设置); the seed's words until the settings exist, so no page goes without a name.
   */
  async read(): Promise<SiteSettings> {
    const row = ((await strapi.db.query('api::site-setting.site-setting').findOne({})) ?? {}) as Record<string, unknown>;
    return {
      systemName: text(row.systemName) || seedSiteSettings.systemName,
      copyright: text(row.copyright) || seedSiteSettings.copyright,
      address: text(row.address) || seedSiteSettings.address,
      phone: text(row.phone),
      email: text(row.email),
      outcomeReviewEmail: text(row.outcomeReviewEmail),
    };
  },
});
