import { type SubmissionStatus, statusLabels, t } from '@statdesk/config';
import type { Core } from '@strapi/strapi';
import { PublicError } from '../../../lib/http-errors';
import { formatShanghaiTime } from '../../../lib/records';

const PAGE_SIZE = 20;
const MAX_PAGE_SIZE = 1000;
/** More approved institutions than any one deployment registers; a bound, not a page. */
const MAX_CHOICES = 10_000;

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** Every dataset's name by code, withdrawn ones included: what stored answers and histories name. */
  async options(): Promise<Array<{ value: string; label: string }>> {
    const rows = (await strapi.db.query('api::dataset.dataset').findMany({ select: ['code', 'name'] })) as Array<{
      code: string;
      name: string;
    }>;
    return rows.map((row) => ({ value: row.code, label: row.name }));
  },

  /** The datasets people may apply for, in the editors' order. */
  async catalog() {
    const rows = (await strapi.db.query('api::dataset.dataset').findMany({
      where: { available: true },
      orderBy: [{ sortOrder: 'asc' }, { id: 'asc' }],
      select: ['code', 'name', 'description', 'years'],
    })) as Array<Record<string, string>>;
    return rows.map(({ code, name, description, years }) => ({ code, name, description: description ?? '', years: years ?? '' }));
  },

  /** Notices the editors chose to show on the home page. */
  async homeNotices() {
    const rows = (await strapi.db
      .query('api::notice.notice')
      .findMany({ where: { showOnHome: true }, orderBy: { updatedAt: 'desc' }, select: ['key', 'title', 'updatedAt'] })) as Array<
      Record<string, string>
    >;
    return rows.map(({ key, title, updatedAt }) => ({ key, title, updatedOn: formatShanghaiTime(updatedAt).slice(0, 10) }));
  },

  async notice(key: string) {
    const notice = (await strapi.db.query('api::notice.notice').findOne({ where: { key }, populate: { attachment: true } })) as Record<
      string,
      unknown
    > | null;
    if (!notice) throw new PublicError(404, 'NotFoundError', t('http.noticeNotFound'));
    const attachment = notice.attachment as { url: string; name: string; size: number } | null;
    return {
      key: notice.key,
      title: notice.title,
      body: notice.body,
      showOnHome: Boolean(notice.showOnHome),
      attachment: attachment ? { url: attachment.url, name: attachment.name, sizeKb: Math.round(attachment.size) } : null,
    };
  },

  /** 已申请机构: public fields only (name, abbreviation, status), never persons, phones or emails. */
  async institutions(query: { q?: unknown; page?: unknown; pageSize?: unknown }) {
    const q = typeof query.q === 'string' ? query.q.trim().slice(0, 50) : '';
    const page = Math.max(1, Math.min(10_000, Number.parseInt(String(query.page ?? '1'), 10) || 1));
    // The data-application form lists every institution in one select; the public list pages by 20.
    const pageSize = Math.max(1, Math.min(MAX_PAGE_SIZE, Number.parseInt(String(query.pageSize ?? PAGE_SIZE), 10) || PAGE_SIZE));
    const where = {
      status: { $ne: 'rejected' },
      ...(q && { $or: [{ fullName: { $containsi: q } }, { abbreviation: { $containsi: q } }] }),
    };
    const [rows, total] = await Promise.all([
      strapi.db.query('api::institution.institution').findMany({
        where,
        select: ['recordNo', 'fullName', 'abbreviation', 'status', 'submittedAt'],
        orderBy: [{ submittedAt: 'desc' }, { id: 'desc' }],
        offset: (page - 1) * pageSize,
        limit: pageSize,
      }) as Promise<Array<Record<string, string>>>,
      strapi.db.query('api::institution.institution').count({ where }),
    ]);
    return {
      institutions: rows.map((row) => ({
        recordNo: row.recordNo,
        name: row.fullName,
        abbreviation: row.abbreviation ?? '',
        status: row.status,
        statusLabel: statusLabels[row.status as SubmissionStatus],
        submittedOn: formatShanghaiTime(row.submittedAt).slice(0, 10),
      })),
      pagination: { page, pageSize, total: Number(total), pageCount: Math.max(1, Math.ceil(Number(total) / pageSize)) },
    };
  },

  /**
   * 申请机构's choices: approved institutions only (seeds/000 §3.2 须先完成机构登记), by name, with
   * their number and name and nothing else; `q` narrows them by name or abbreviation.
   */
  async institutionChoices(query: { q?: unknown }) {
    const q = typeof query.q === 'string' ? query.q.trim().slice(0, 50) : '';
    const rows = (await strapi.db.query('api::institution.institution').findMany({
      where: { status: 'approved', ...(q && { $or: [{ fullName: { $containsi: q } }, { abbreviation: { $containsi: q } }] }) },
      select: ['recordNo', 'fullName'],
      orderBy: [{ fullName: 'asc' }, { id: 'asc' }],
      limit: MAX_CHOICES,
    })) as Array<{ recordNo: string; fullName: string }>;
    return { choices: rows.map((row) => ({ recordNo: row.recordNo, name: row.fullName })) };
  },
});
