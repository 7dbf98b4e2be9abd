import { randomUUID } from 'node:crypto';
import { kindOfRecordNo, MAX_ATTACHMENTS, type SubmissionStatus, t } from '@statdesk/config';
import type { Core } from '@strapi/strapi';
import { PublicError } from '../../../../../lib/http-errors';
import { type PrivateFile, privateStorage } from '../../../../../lib/private-storage';
import { lockRecord } from '../../../../../lib/records';
import { checkScanFile, refuseFile, storedScanAttributes, type UploadedFile } from '../../../../../lib/scan-file';
import { inTransaction } from '../../../../../lib/transaction';

/** Attachments may be added until the data centre has decided (seeds/000 §二(二) step 3). */
const OPEN_STATUSES: SubmissionStatus[] = ['awaiting_upload', 'awaiting_review', 'returned'];

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** Adds one supporting document (PDF, JPEG or PNG) to a data application. */
  async add(no: string, file: UploadedFile | undefined) {
    if (kindOfRecordNo(no) !== 'data-application') throw refuseFile(t('workflow.submission.attachmentsOnlyForData'));
    const checked = await checkScanFile(file, t('workflow.submission.attachmentLabel'));
    const storageKey = `attachments/${no}/${Date.now()}-${randomUUID()}.${checked.extension}`;
    await privateStorage().put(storageKey, checked.bytes);
    return inTransaction(strapi, async () => {
      const entry = await lockRecord(strapi, 'data-application', no);
      if (!entry) throw new PublicError(404, 'NotFoundError', t('workflow.submission.notFound'));
      if (!OPEN_STATUSES.includes(entry.status as SubmissionStatus))
        throw new PublicError(409, 'ConflictError', t('workflow.submission.attachmentsClosed'), {
          file: t('workflow.submission.attachmentsClosed'),
        });
      const count = Number(await strapi.db.query('api::attachment.attachment').count({ where: { recordNo: no } }));
      if (count >= MAX_ATTACHMENTS) throw refuseFile(t('workflow.submission.tooManyAttachments', { max: MAX_ATTACHMENTS }));
      await strapi.documents('api::attachment.attachment').create({ data: storedScanAttributes(no, checked, storageKey) });
      return this.list(no);
    });
  },

  /** The attachments of an application, oldest first, without where they are stored. */
  async list(no: string) {
    const rows = (await strapi.db
      .query('api::attachment.attachment')
      .findMany({ where: { recordNo: no }, orderBy: { id: 'asc' } })) as Array<Record<string, unknown>>;
    return rows.map((r) => ({
      fileName: String(r.fileName),
      mime: String(r.mime),
      size: Number(r.size),
      uploadedAt: String(r.uploadedAt),
    }));
  },

  /** One attachment's bytes by its position in `list` (1-based), for reviewers. */
  async file(no: string, index: number): Promise<PrivateFile | undefined> {
    const rows = (await strapi.db
      .query('api::attachment.attachment')
      .findMany({ where: { recordNo: no }, orderBy: { id: 'asc' } })) as Array<Record<string, string>>;
    const row = rows[index - 1];
    if (!row?.storageKey) return undefined;
    return {
      fileName: row.fileName ?? 'attachment',
      mime: row.mime ?? 'application/octet-stream',
      body: await privateStorage().open(row.storageKey),
    };
  },
});
