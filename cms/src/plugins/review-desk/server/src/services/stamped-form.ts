import { randomUUID } from 'node:crypto';
import { kindOfRecordNo, submissionKinds, t } from '@statdesk/config';
import type { Core } from '@strapi/strapi';
import { PublicError } from '../../../../../lib/http-errors';
import { type PrivateFile, privateStorage } from '../../../../../lib/private-storage';
import { checkScanFile, refuseFile, storedScanAttributes, type UploadedFile } from '../../../../../lib/scan-file';
import { serviceOf } from '../../../../../lib/services';

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /**
   * Stores the signed and stamped form (seeds/000_…txt §二 step 7) and moves the record to
   * 等待实验室审批. A re-upload replaces the current file; the old one stays in the history.
   */
  async upload(no: string, file: UploadedFile | undefined): Promise<{ status: string }> {
    const kindId = kindOfRecordNo(no);
    if (!kindId) throw new PublicError(404, 'NotFoundError', t('workflow.submission.notFound'));
    if (!submissionKinds[kindId].hasStampedForm) throw refuseFile(t('workflow.submission.noStampedForm'));
    const checked = await checkScanFile(file, t('workflow.submission.stampedFormLabel'));
    const storageKey = `stamped-forms/${no}/${Date.now()}-${randomUUID()}.${checked.extension}`;
    await privateStorage().put(storageKey, checked.bytes);
    const review = serviceOf(strapi, 'plugin::review-desk.review');
    const { to } = await review.transition(no, { action: 'upload', actor: t('workflow.actor.applicant') }, async () => {
      await strapi.db
        .query('api::stamped-form.stamped-form')
        .updateMany({ where: { recordNo: no, current: true }, data: { current: false } });
      await strapi
        .documents('api::stamped-form.stamped-form')
        .create({ data: { ...storedScanAttributes(no, checked, storageKey), current: true } });
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
