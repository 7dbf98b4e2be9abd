import { randomUUID } from 'node:crypto';
import { outcomeUploads, t } from '@statdesk/config';
import type { Core } from '@strapi/strapi';
import { invalidFields, PublicError } from '../../../../../lib/http-errors';
import { privateStorage } from '../../../../../lib/private-storage';
import { type CheckedFile, checkScanFile, storedScanAttributes, type UploadedFile } from '../../../../../lib/scan-file';

export interface OutcomeFile {
  purpose: string;
  file: CheckedFile;
}

/** A file input left empty arrives as nothing or as an empty part without a name. */
const isChosen = (file: UploadedFile | undefined): file is UploadedFile => Boolean(file && (file.size > 0 || file.originalFilename));

/**
 * The outcome's optional files (最终成果审核表, 发布版全文: seeds/000 §3.5, §3.6), each checked
 * before anything is stored; every problem is reported under its upload's name.
 */
export async function checkOutcomeFiles(files: Record<string, UploadedFile | undefined>): Promise<OutcomeFile[]> {
  const checked: OutcomeFile[] = [];
  const problems: Record<string, string> = {};
  for (const upload of outcomeUploads) {
    const file = files[upload.name];
    if (!isChosen(file)) continue;
    try {
      const scanned = await checkScanFile(file, upload.label);
      if (upload.pdfOnly && scanned.mime !== 'application/pdf') problems[upload.name] = t('workflow.outcome.fullTextPdfOnly');
      else checked.push({ purpose: upload.name, file: scanned });
    } catch (error) {
      if (!(error instanceof PublicError)) throw error;
      problems[upload.name] = error.message;
    }
  }
  if (Object.keys(problems).length > 0) throw invalidFields(problems);
  return checked;
}

/**
 * Stores the files in private storage (never under a public URL, DESIGN.md) as the record's
 * attachments, which the review desk lists; called inside the submission's transaction. Each key
 * written is pushed to `written`, so that a transaction that fails can remove its files.
 */
export async function storeOutcomeFiles(strapi: Core.Strapi, no: string, files: OutcomeFile[], written: string[]): Promise<void> {
  for (const { purpose, file } of files) {
    const key = `outcomes/${no}/${purpose}-${randomUUID()}.${file.extension}`;
    await privateStorage().put(key, file.bytes);
    written.push(key);
    await strapi.documents('api::attachment.attachment').create({ data: { ...storedScanAttributes(no, file, key), purpose } });
  }
}
