import { createHash, randomUUID } from 'node:crypto';
import { kindOfRecordNo, MAX_STAMPED_FORM_FILES, type QrStatus, type SubmissionKindId, submissionKinds, t } from '@statdesk/config';
import type { Core } from '@strapi/strapi';
import { answersVersion } from '../../../../../lib/form-version';
import { PublicError } from '../../../../../lib/http-errors';
import { type PrivateFile, privateStorage } from '../../../../../lib/private-storage';
import { findRecord } from '../../../../../lib/records';
import { type CheckedFile, checkScanFile, refuseFile, storedScanAttributes, type UploadedFile } from '../../../../../lib/scan-file';
import { joinScans } from '../../../../../lib/scan-pages';
import { readFormCode } from '../../../../../lib/scan-qr';
import { serviceOf } from '../../../../../lib/services';

/**
 * The stamped form as one file: a single scan as it came, several (a photo of each page) as one
 * PDF of their pages in the order chosen. Each is checked as a scan first.
 */
async function oneScan(no: string, files: UploadedFile[]): Promise<CheckedFile> {
  if (files.length > MAX_STAMPED_FORM_FILES) throw refuseFile(t('upload.tooManyPages', { max: MAX_STAMPED_FORM_FILES }));
  const label = t('workflow.submission.stampedFormLabel');
  const scans: CheckedFile[] = [];
  for (const file of files.length > 0 ? files : [undefined]) scans.push(await checkScanFile(file, label));
  const [only] = scans;
  if (only && scans.length === 1) return only;
  const bytes = await joinScans(scans);
  return {
    bytes,
    mime: 'application/pdf',
    extension: 'pdf',
    fileName: `${label}-${no}.pdf`,
    sha256: createHash('sha256').update(bytes).digest('hex'),
  };
}

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /**
   * What the scan's QR code says of it: refused when it is another record's form, or this record's
   * printed before its answers last changed (the stamp certifies answers that are no longer the
   * record's). A scan whose code cannot be read is taken and flagged for the reviewer, who reads
   * the number on the page; a code with the number alone predates versions and is taken as matching.
   */
  async checkFormCode(no: string, kindId: SubmissionKindId, scan: CheckedFile): Promise<QrStatus> {
    const code = await readFormCode(scan);
    if (!code) return 'unreadable';
    if (code.recordNo !== no) throw refuseFile(t('upload.qr.otherRecord', { found: code.recordNo, no }));
    if (!code.version) return 'legacy';
    const found = await findRecord(strapi, no);
    const current = found ? answersVersion(kindId, found.entry) : code.version;
    if (code.version !== current) throw refuseFile(t('upload.qr.outdated', { no, printed: code.version, current }));
    return 'matched';
  },

  /**
   * Stores the signed and stamped form (seeds/000_…txt §二 step 7) and moves the record to
   * 等待实验室审批. A re-upload replaces the current file; the old one stays in the history.
   * A longer form may come as several files, one upload (see oneScan).
   */
  async upload(no: string, files: UploadedFile[]): Promise<{ status: string }> {
    const kindId = kindOfRecordNo(no);
    if (!kindId) throw new PublicError(404, 'NotFoundError', t('workflow.submission.notFound'));
    if (!submissionKinds[kindId].hasStampedForm) throw refuseFile(t('workflow.submission.noStampedForm'));
    const checked = await oneScan(no, files);
    const qrStatus = await this.checkFormCode(no, kindId, checked);
    const storageKey = `stamped-forms/${no}/${Date.now()}-${randomUUID()}.${checked.extension}`;
    await privateStorage().put(storageKey, checked.bytes);
    const review = serviceOf(strapi, 'plugin::review-desk.review');
    const { to } = await review.transition(no, { action: 'upload', actor: t('workflow.actor.applicant') }, async () => {
      await strapi.db
        .query('api::stamped-form.stamped-form')
        .updateMany({ where: { recordNo: no, current: true }, data: { current: false } });
      await strapi
        .documents('api::stamped-form.stamped-form')
        .create({ data: { ...storedScanAttributes(no, checked, storageKey), current: true, qrStatus } });
    });
    return { status: to };
  },

  /** The current scan of a record, for reviewers and the applicant. */
  async current(no: string): Promise<PrivateFile | undefined> {
    const row = (await strapi.db.query('api::stamped-form.stamped-form').findOne({ where: { recordNo: no, current: true } })) as Record<
      string,
      string
    > | null;
    if (!row?.storageKey) return undefined;
    return {
      fileName: row.fileName ?? 'scan',
      mime: row.mime ?? 'application/octet-stream',
      body: await privateStorage().open(row.storageKey),
    };
  },
});
