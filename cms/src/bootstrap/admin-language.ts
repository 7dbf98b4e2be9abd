import type { Core } from '@strapi/strapi';

/**
 * The admin speaks only 简体中文 (src/admin/chinese-interface.ts), but it switches to a user's
 * stored preferred language at sign-in (@strapi/admin features/Auth.tsx): someone who had chosen
 * English before kept an English admin. Forgotten at every start, so everyone gets Chinese.
 */
export async function forgetOtherAdminLanguages(strapi: Core.Strapi): Promise<void> {
  await strapi.db.query('admin::user').updateMany({
    where: { preferedLanguage: { $notNull: true, $ne: 'zh-Hans' } },
    data: { preferedLanguage: null },
  });
}
