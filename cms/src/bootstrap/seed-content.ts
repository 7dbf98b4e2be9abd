import { seedDatasets, seedNotices } from '@statdesk/config';
import type { Core } from '@strapi/strapi';

/**
 * The catalog and notices the product needs to work at all. Created when missing, never
 * overwritten: once they exist, content editors own them.
 */
export async function seedContent(strapi: Core.Strapi): Promise<void> {
  for (const [index, dataset] of seedDatasets.entries()) {
    const exists = await strapi.db.query('api::dataset.dataset').count({ where: { code: dataset.code } });
    if (Number(exists) === 0) {
      await strapi.documents('api::dataset.dataset').create({ data: { ...dataset, sortOrder: index + 1, available: true } as never });
    }
  }
  for (const notice of seedNotices) {
    const exists = await strapi.db.query('api::notice.notice').count({ where: { key: notice.key } });
    if (Number(exists) === 0) await strapi.documents('api::notice.notice').create({ data: { ...notice } as never });
  }
}
