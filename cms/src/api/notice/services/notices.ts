import type { Core } from '@strapi/strapi';
import { formatShanghaiTime } from '../../../lib/records';

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /**
   * 通知公告: every notice, newest publication first, with its date (the editors' 发布日期, or the
   * day it was created when they left it empty).
   */
  async list() {
    const rows = (await strapi.db.query('api::notice.notice').findMany({
      select: ['key', 'title', 'publishedOn', 'createdAt'],
      orderBy: [{ publishedOn: 'desc' }, { id: 'desc' }],
    })) as Array<{ key: string; title: string; publishedOn: string | null; createdAt: string }>;
    return rows
      .map(({ key, title, publishedOn, createdAt }) => ({
        key,
        title,
        publishedOn: publishedOn ?? formatShanghaiTime(createdAt).slice(0, 10),
      }))
      .sort((a, b) => b.publishedOn.localeCompare(a.publishedOn));
  },
});
