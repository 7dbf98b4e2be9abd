/** Public content: the catalog, notices, the institution listing, and Strapi's health. */
import type { FieldOption } from '@statdesk/config';
import type { Notice } from '@statdesk/config/contract';
import { endpoints } from '@statdesk/config/contract';
import { cachedData } from './cache.ts';
import { CmsError, unexpectedAnswer } from './errors.ts';
import { fetchData, request } from './transport.ts';

export type {
  Dataset,
  HomeNotice,
  InstitutionListing,
  Notice,
  NoticeListing,
  Pagination,
  SiteSettings,
  TurnaroundAnswer,
} from '@statdesk/config/contract';

export const getCatalog = async () => (await cachedData(endpoints.catalog)).data;

export const getNotice = async (key: string) => (await cachedData(endpoints.notice, { params: { key } })).data;

export const getHomeNotices = async () => (await cachedData(endpoints.homeNotices)).data;

/** 通知公告: every notice with its publication date, newest first. */
export const listNotices = async () => (await cachedData(endpoints.noticeList)).data;

/**
 * A notice the page is built on, or undefined when an editor has not got it (the page then says
 * so instead of failing: the four system texts cannot be deleted, but a new database may lack one).
 */
export async function findNotice(key: string): Promise<Notice | undefined> {
  try {
    return await getNotice(key);
  } catch (error) {
    if (error instanceof CmsError && error.status === 404) return undefined;
    throw error;
  }
}

/** The system's name, the footer and the centre's email, as content editors set them (网站设置). */
export const getSiteSettings = async () => (await cachedData(endpoints.siteSettings)).data;

export const listInstitutions = (options: { q?: string; page?: number; pageSize?: number } = {}) =>
  cachedData(endpoints.institutions, { query: { q: options.q, page: options.page, pageSize: options.pageSize } });

/** The approved institutions 申请机构 offers, name and number only. */
export const listInstitutionChoices = async () => (await cachedData(endpoints.institutionChoices)).choices;

/** Options of fields whose choices live in the CMS, by source; an institution reads "name（number）". */
export async function getOptionSources(): Promise<Record<'catalog' | 'institutions', FieldOption[]>> {
  const [catalog, institutions] = await Promise.all([getCatalog(), listInstitutionChoices()]);
  return {
    catalog: catalog.map((d) => ({ value: d.code, label: d.name })),
    institutions: institutions.map((i) => ({ value: i.recordNo, label: `${i.name}（${i.recordNo}）` })),
  };
}

export const getHealth = () => fetchData(endpoints.health);

/** A notice's attachment (e.g. the 最终成果审核表), streamed through the site so the CMS need not be public. */
export async function fetchNoticeAttachment(key: string): Promise<{ response: Response; name: string } | undefined> {
  const notice = await getNotice(key);
  const url = notice.attachment?.url;
  if (!url?.startsWith('/uploads/')) return undefined;
  const response = await request(url);
  if (!response.ok) throw unexpectedAnswer(url, response);
  return { response, name: notice.attachment?.name ?? 'attachment' };
}

/** 审核时长: per kind and month, only groups of at least five decisions (the CMS drops the rest). */
export const getTurnaround = async () => (await cachedData(endpoints.turnaround)).data;
