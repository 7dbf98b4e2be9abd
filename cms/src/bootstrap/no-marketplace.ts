import type { Core } from '@strapi/strapi';

/** The admin's 市场 (Marketplace) link and page: @strapi/admin hooks/useMenu shows them to whoever holds it. */
const MARKETPLACE_ACTION = 'admin::marketplace.read';

/**
 * Takes the Marketplace out of the admin. Its menu link opens market.strapi.io, a plugin shop for
 * developers: an office tool on a government network links to no outside site, and its page was
 * the last English in the menu. Strapi registers the action and grants it to the super admin in its
 * own bootstrap, before this one, on every start; so it is withdrawn here each time.
 */
export async function withdrawMarketplace(strapi: Core.Strapi): Promise<void> {
  const permissions = strapi.service('admin::permission') as { actionProvider: { delete(uid: string): Promise<unknown> } };
  await permissions.actionProvider.delete(MARKETPLACE_ACTION);
  await strapi.db.query('admin::permission').deleteMany({ where: { action: MARKETPLACE_ACTION } });
}
