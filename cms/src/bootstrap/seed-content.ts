import { statSync } from 'node:fs';
import { join } from 'node:path';
import { directReportNotices, seedDatasets, seedNotices, seedSiteSettings } from '@statdesk/config';
import type { Core } from '@strapi/strapi';
import { formatShanghaiTime } from '../lib/records';

/**
 * The catalog, notices and site settings the product needs to work at all, and the first
 * versions of the direct-reporting Q&A (seeds/004). Created when missing, never overwritten: once
 * they exist, content editors own them.
 */
export async function seedContent(strapi: Core.Strapi): Promise<void> {
  for (const [index, dataset] of seedDatasets.entries()) {
    const exists = await strapi.db.query('api::dataset.dataset').count({ where: { code: dataset.code } });
    if (Number(exists) === 0) {
      await strapi.documents('api::dataset.dataset').create({ data: { ...dataset, sortOrder: index + 1, available: true } });
    }
  }
  const today = formatShanghaiTime(new Date().toISOString()).slice(0, 10);
  for (const notice of [...seedNotices, ...directReportNotices]) {
    const exists = await strapi.db.query('api::notice.notice').count({ where: { key: notice.key } });
    if (Number(exists) === 0) await strapi.documents('api::notice.notice').create({ data: { ...notice, publishedOn: today } });
  }
  if (Number(await strapi.db.query('api::site-setting.site-setting').count()) === 0)
    await strapi.documents('api::site-setting.site-setting').create({ data: { ...seedSiteSettings } });
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
