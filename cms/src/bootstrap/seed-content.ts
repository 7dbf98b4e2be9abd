import { statSync } from 'node:fs';
import { join } from 'node:path';
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
      await strapi.documents('api::dataset.dataset').create({ data: { ...dataset, sortOrder: index + 1, available: true } });
    }
  }
  for (const notice of seedNotices) {
    const exists = await strapi.db.query('api::notice.notice').count({ where: { key: notice.key } });
    if (Number(exists) === 0) await strapi.documents('api::notice.notice').create({ data: { ...notice } });
  }
  await attachOutcomeReviewForm(strapi);
}

/** The 最终成果审核表 to download (seeds/000 §3.5), as the notice's attachment, until an editor replaces it. */
async function attachOutcomeReviewForm(strapi: Core.Strapi): Promise<void> {
  const notice = (await strapi.db
    .query('api::notice.notice')
    .findOne({ where: { key: 'outcome-review' }, populate: { attachment: true } })) as {
    documentId: string;
    attachment: unknown;
  } | null;
  if (!notice || notice.attachment) return;
  const filepath = join(strapi.dirs.app.root, 'seed', 'outcome-review-form.pdf');
  const [file] = (await strapi
    .plugin('upload')
    .service('upload')
    .upload({
      data: { fileInfo: { name: '最终成果审核表.pdf', alternativeText: '最终成果审核表' } },
      files: { filepath, originalFilename: '最终成果审核表.pdf', mimetype: 'application/pdf', size: statSync(filepath).size },
    })) as Array<{ id: number }>;
  await strapi.documents('api::notice.notice').update({ documentId: notice.documentId, data: { attachment: file?.id } });
}
