import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import {
  agencyListUploads,
  checkDelegatorList,
  type Delegator,
  type DelegatorListExtension,
  delegatorListTypes,
  MAX_UPLOAD_BYTES,
  parseCsv,
  t,
} from '@statdesk/config';
import { PublicError } from './http-errors';
import { safeFileName, type UploadedFile } from './scan-file';

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

const refuseList = (message: string, status = 400) => new PublicError(status, 'ValidationError', message, { delegatorList: message });

/** The list as the agency uploaded it, kept for the reviewers to read (seeds/004 §七: 清单电子文本). */
export interface ListOriginal {
  bytes: Buffer;
  mime: (typeof delegatorListTypes)[DelegatorListExtension];
  extension: DelegatorListExtension;
  fileName: string;
  sha256: string;
}

/** The first worksheet's rows as text, as Excel shows each cell (ExcelJS `cell.text`). */
async function workbookRows(bytes: Buffer): Promise<string[][]> {
  // Loaded when a list arrives, as the exports load it (lib/table-export.ts).
  const ExcelJS = (await import('exceljs')).default;
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  const rows: string[][] = [];
  sheet?.eachRow({ includeEmpty: true }, (row, number) => {
    rows[number - 1] = [row.getCell(1).text, row.getCell(2).text];
  });
  return Array.from(rows, (row) => row ?? []);
}

/** A CSV as saved by Excel: UTF-8 (with or without a BOM) or, on Chinese Windows, GB 18030. */
function csvRows(bytes: Buffer): string[][] {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    text = new TextDecoder('gb18030').decode(bytes);
  }
  if (text.includes('\u0000')) throw refuseList(t('workflow.agency.list.unreadable'));
  return parseCsv(text);
}

/** The rows of a workbook (recognised by content: an .xlsx is a ZIP) or of a CSV, and which of the two it is. */
async function listRows(bytes: Buffer): Promise<{ rows: string[][]; extension: DelegatorListExtension }> {
  if (!bytes.subarray(0, 4).equals(ZIP_MAGIC)) return { rows: csvRows(bytes), extension: 'csv' };
  try {
    return { rows: await workbookRows(bytes), extension: 'xlsx' };
  } catch {
    throw refuseList(t('workflow.agency.list.unreadable'));
  }
}

/**
 * The enterprises of a list's bytes, checked against the GB 32100 codes and for duplicates with
 * the enterprises typed on the form, with the original to store. Any problem is the
 * `delegatorList` field's, naming its rows.
 */
export async function checkDelegatorListFile(
  bytes: Buffer,
  originalName: string | null | undefined,
  typed: readonly Delegator[],
): Promise<{ delegators: Delegator[]; original: ListOriginal }> {
  const { rows, extension } = await listRows(bytes);
  const checked = checkDelegatorList(rows, typed);
  if (!checked.ok) throw refuseList(checked.message);
  return {
    delegators: checked.delegators,
    original: {
      bytes,
      mime: delegatorListTypes[extension],
      extension,
      fileName: safeFileName(originalName, extension, agencyListUploads.list.label),
      sha256: createHash('sha256').update(bytes).digest('hex'),
    },
  };
}

/**
 * The list an agency uploads (seeds/004 §七: 法人代码、企业名称的清单电子文本), an Excel
 * workbook or a CSV of at most 10 MB: its enterprises and its original.
 */
export async function readDelegatorList(file: UploadedFile, typed: readonly Delegator[]) {
  if (file.size === 0) throw refuseList(t('upload.empty'));
  if (file.size > MAX_UPLOAD_BYTES) throw refuseList(t('upload.tooLarge'), 413);
  return checkDelegatorListFile(await readFile(file.filepath), file.originalFilename, typed);
}
