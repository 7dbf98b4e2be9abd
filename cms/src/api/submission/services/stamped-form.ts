import { createHash, randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { kindOfRecordNo, submissionKinds } from '@statdesk/config';
import type { Core } from '@strapi/strapi';
import { detectScanType, SCAN_EXTENSIONS } from '../../../lib/file-type';
import { PublicError } from '../../../lib/http-errors';
import { localStorage } from '../../../lib/private-storage';

/** Issue 3: PDF, JPEG or PNG by content, 1 byte to 10 MB. */
export const MAX_SCAN_BYTES = 10 * 1024 * 1024;

export const uploadMessages = {
  missing: '请选择要上传的盖章申请表文件',
  empty: '上传的文件是空的，请重新选择',
  tooLarge: '文件不能超过10MB，请压缩或降低扫描分辨率后重新上传',
  wrongType: '只能上传PDF、JPG或PNG格式的扫描件',
  noForm: '此类申请不需要上传盖章申请表',
} as const;

const refuse = (message: string, status = 400) => new PublicError(status, 'ValidationError', message, { file: message });

export interface UploadedFile {
  filepath: string;
  size: number;
  originalFilename?: string | null;
}

/** A name safe to show and to put in a Content-Disposition header: no path, no control characters. */
const isUnsafeChar = (char: string) => char.charCodeAt(0) < 0x20 || char.charCodeAt(0) === 0x7f || '"<>|:*?'.includes(char);

export const safeFileName = (name: string | null | undefined, extension: string): string => {
  const base = [...((name ?? '').split(/[\\/]/).pop() ?? '')]
    .filter((char) => !isUnsafeChar(char))
    .join('')
    .trim();
  const stem = base.replace(/\.[^.]*$/, '').slice(0, 100) || '盖章申请表';
  return `${stem}.${extension}`;
};

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /**
   * Stores the signed and stamped form (seeds/000_…txt §二 step 7) and moves the record to
   * 等待实验室审批. A re-upload replaces the current file; the old one stays in the history.
   */
  async upload(no: string, file: UploadedFile | undefined): Promise<{ status: string }> {
    const kindId = kindOfRecordNo(no);
    if (!kindId) throw new PublicError(404, 'NotFoundError', '未找到该申请');
    if (!submissionKinds[kindId].hasStampedForm) throw refuse(uploadMessages.noForm);
    if (!file) throw refuse(uploadMessages.missing);
    if (file.size === 0) throw refuse(uploadMessages.empty);
    if (file.size > MAX_SCAN_BYTES) throw refuse(uploadMessages.tooLarge, 413);
    const bytes = await readFile(file.filepath);
    const mime = detectScanType(bytes.subarray(0, 16));
    if (!mime) throw refuse(uploadMessages.wrongType, 415);

    const storageKey = `stamped-forms/${no}/${Date.now()}-${randomUUID()}.${SCAN_EXTENSIONS[mime]}`;
    await localStorage().put(storageKey, bytes);
    const review = strapi.service('api::submission.review') as ReturnType<typeof import('./review').default>;
    const { to } = await review.transition(no, { action: 'upload', actor: '申请人' }, async () => {
      await strapi.db
        .query('api::stamped-form.stamped-form')
        .updateMany({ where: { recordNo: no, current: true }, data: { current: false } });
      await strapi.documents('api::stamped-form.stamped-form').create({
        data: {
          recordNo: no,
          fileName: safeFileName(file.originalFilename, SCAN_EXTENSIONS[mime]),
          mime,
          size: bytes.length,
          sha256: createHash('sha256').update(bytes).digest('hex'),
          storageKey,
          current: true,
          uploadedAt: new Date().toISOString(),
        } as never,
      });
    });
    return { status: to };
  },

  /** The current scan of a record, for reviewers (issue 5) and the applicant. */
  async current(no: string): Promise<{ fileName: string; mime: string; bytes: Buffer } | undefined> {
    const row = (await strapi.db.query('api::stamped-form.stamped-form').findOne({ where: { recordNo: no, current: true } })) as Record<
      string,
      string
    > | null;
    if (!row?.storageKey) return undefined;
    return {
      fileName: row.fileName ?? 'scan',
      mime: row.mime ?? 'application/octet-stream',
      bytes: await localStorage().get(row.storageKey),
    };
  },
});
