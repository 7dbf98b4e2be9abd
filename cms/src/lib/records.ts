import { kindOfRecordNo, type SubmissionKindId, submissionKinds } from '@statdesk/config';
import type { Core, UID } from '@strapi/strapi';

export type SubmissionUid = UID.ContentType;
export type Entry = Record<string, unknown> & { id: number; documentId: string; recordNo: string; status: string };

export const uidOf = (kindId: SubmissionKindId): SubmissionUid => {
  const collection = submissionKinds[kindId].collection;
  return `api::${collection}.${collection}` as SubmissionUid;
};

/** The PostgreSQL table of a submission type, as Strapi names it (for the few raw SQL queries). */
export const tableOf = (strapi: Core.Strapi, kindId: SubmissionKindId): string => strapi.getModel(uidOf(kindId)).collectionName as string;

/** A submission by its number, with its private fields (callers decide what leaves the server). */
export async function findRecord(strapi: Core.Strapi, no: string): Promise<{ kindId: SubmissionKindId; entry: Entry } | undefined> {
  const kindId = kindOfRecordNo(no);
  if (!kindId) return undefined;
  const entry = (await strapi.db.query(uidOf(kindId)).findOne({ where: { recordNo: no } })) as Entry | null;
  return entry ? { kindId, entry } : undefined;
}

/** Locks one row of any content type until the surrounding transaction ends, so changes to it queue. */
export async function lockRow<T>(strapi: Core.Strapi, uid: UID.ContentType, where: Record<string, unknown>): Promise<T | undefined> {
  const row = (await strapi.db.queryBuilder(uid).select(['id']).where(where).forUpdate().first().execute()) as { id: number } | undefined;
  if (!row) return undefined;
  return (await strapi.db.query(uid).findOne({ where: { id: row.id } })) as T;
}

/** Locks a submission's row until the surrounding transaction ends, so decisions and uploads queue. */
export const lockRecord = (strapi: Core.Strapi, kindId: SubmissionKindId, no: string): Promise<Entry | undefined> =>
  lockRow<Entry>(strapi, uidOf(kindId), { recordNo: no });

/** Kept here too: the CMS's modules import it from this file (the site formats with config's). */
export { formatShanghaiTime } from '@statdesk/config';

export const shanghaiYear = (date: Date): number =>
  Number(new Intl.DateTimeFormat('en', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(date));
