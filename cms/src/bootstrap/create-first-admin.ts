import type { Core } from '@strapi/strapi';

/**
 * `npm start` passes the first admin's credentials (ADMIN_EMAIL/ADMIN_PASSWORD, or a generated
 * password it prints once) so that a fresh install can be signed into without a registration page.
 * Does nothing once any admin exists.
 */
export async function createFirstAdmin(strapi: Core.Strapi): Promise<void> {
  const email = process.env.STATDESK_FIRST_ADMIN_EMAIL;
  const password = process.env.STATDESK_FIRST_ADMIN_PASSWORD;
  if (!email || !password) return;
  const users = strapi.service('admin::user') as {
    exists(): Promise<boolean>;
    createFirstAdmin(attributes: Record<string, unknown>): Promise<unknown>;
  };
  if (await users.exists()) return;
  // The office works in Chinese (the admin offers zh-Hans, see src/admin/app.tsx).
  await users.createFirstAdmin({ email, password, firstname: '系统', lastname: '管理员', preferedLanguage: 'zh-Hans' });
  strapi.log.info(`Created the first admin account ${email}`);
}
