import { readFile } from 'node:fs/promises';
import { checkDelegatorList, type Delegator, MAX_UPLOAD_BYTES, parseCsv, t } from '@statdesk/config';
import { PublicError } from './http-errors';
import type { UploadedFile } from './scan-file';

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

const refuseList = (message: string, status = 400) => new PublicError(status, 'ValidationError', message, { delegatorList: message });

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

/**
 * The enterprises of the list an agency uploads (seeds/004 §七: 法人代码、企业名称的清单电子文本),
 * an Excel workbook or a CSV, checked against the GB 32100 codes and for duplicates with the
 * enterprises typed on the form. Any problem is the `delegatorList` field's, naming its rows.
 */
export async function readDelegatorList(file: UploadedFile, typed: readonly Delegator[]): Promise<Delegator[]> {
  if (file.size === 0) throw refuseList(t('upload.empty'));
  if (file.size > MAX_UPLOAD_BYTES) throw refuseList(t('upload.tooLarge'), 413);
  const bytes = await readFile(file.filepath);
  let rows: string[][];
  if (bytes.subarray(0, 4).equals(ZIP_MAGIC)) {
    try {
      rows = await workbookRows(bytes);
    } catch {
      throw refuseList(t('workflow.agency.list.unreadable'));
    }
  } else rows = csvRows(bytes);
  const checked = checkDelegatorList(rows, typed);
  if (!checked.ok) throw refuseList(checked.message);
  return checked.delegators;
}
