import { randomUUID } from 'node:crypto';
import { type FormUpload, t } from '@statdesk/config';
import type { Core } from '@strapi/strapi';
import { invalidFields, PublicError } from '../../../../../lib/http-errors';
import { privateStorage } from '../../../../../lib/private-storage';
import { type CheckedFile, checkScanFile, storedScanAttributes, type UploadedFile } from '../../../../../lib/scan-file';

export interface FormFile {
  purpose: string;
  file: CheckedFile;
}

/** A file input left empty arrives as nothing or as an empty part without a name. */
const isChosen = (file: UploadedFile | undefined): file is UploadedFile => Boolean(file && (file.size > 0 || file.originalFilename));

/** One upload's chosen files, checked; the first problem is its message. */
async function checkUpload(upload: FormUpload, chosen: UploadedFile[]): Promise<FormFile[]> {
  const max = upload.max ?? 1;
  if (chosen.length > max) throw invalidFields({ [upload.name]: t('workflow.submission.tooManyAttachments', { max }) });
  const checked: FormFile[] = [];
  for (const file of chosen) {
    const scanned = await checkScanFile(file, upload.label);
    if (upload.pdfOnly && scanned.mime !== 'application/pdf') throw invalidFields({ [upload.name]: t('workflow.outcome.fullTextPdfOnly') });
    checked.push({ purpose: upload.name, file: scanned });
  }
  return checked;
}

/**
 * The files a form asks for with its answers (an outcome's 最终成果审核表 and 发布版全文, seeds/000
 * §3.5, §3.6; a data application's 相关附件, §二(二) 3), each checked before anything is stored;
 * every problem is reported under its upload's name.
 */
export async function checkFormFiles(
  uploads: readonly FormUpload[],
  files: Record<string, UploadedFile[] | undefined>,
): Promise<FormFile[]> {
  const checked: FormFile[] = [];
  const problems: Record<string, string> = {};
  for (const upload of uploads) {
    try {
      checked.push(...(await checkUpload(upload, (files[upload.name] ?? []).filter(isChosen))));
    } catch (error) {
      if (!(error instanceof PublicError)) throw error;
      problems[upload.name] = error.fields[upload.name] ?? error.message;
    }
  }
  if (Object.keys(problems).length > 0) throw invalidFields(problems);
  return checked;
}

/**
 * Stores the files in private storage (never under a public URL, DESIGN.md) as the record's
 * attachments, which the review desk lists; called inside the submission's transaction. Each key
 * written (under `folder/<number>/`) is pushed to `written`, so that a transaction that fails can remove its files.
 */
export async function storeFormFiles(strapi: Core.Strapi, folder: string, no: string, files: FormFile[], written: string[]): Promise<void> {
  for (const { purpose, file } of files) {
    const key = `${folder}/${no}/${purpose}-${randomUUID()}.${file.extension}`;
    await privateStorage().put(key, file.bytes);
    written.push(key);
    await strapi.documents('api::attachment.attachment').create({ data: { ...storedScanAttributes(no, file, key), purpose } });
  }
}
