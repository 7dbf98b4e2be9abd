import { seedSiteSettings } from '@statdesk/config';
import { getSiteSettings, type SiteSettings } from './cms/content';
import { CmsError } from './cms/errors';

/**
 * The settings every page's header and footer show. Error pages render while Strapi is down: they
 * then show the seed's name and footer (config/src/seed/site-settings.ts) rather than fail too.
 */
export async function siteSettingsOrSeed(): Promise<SiteSettings> {
  try {
    return await getSiteSettings();
  } catch (error) {
    if (!(error instanceof CmsError)) throw error;
    return { ...seedSiteSettings };
  }
}
