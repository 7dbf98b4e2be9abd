import ExcelJS from 'exceljs';

/** A file to send: its bytes alone (named `<upload>.pdf`) or with the name the person's file had. */
export type AgencyFile = { bytes: Buffer; name: string } | Buffer | undefined;

/** The registration as the site sends it: answers as JSON in `data`, then each file under its upload name. */
export function agencyMultipart(answers: unknown, files: Record<string, AgencyFile>) {
  const form = new FormData();
  form.append('data', JSON.stringify(answers));
  for (const [upload, file] of Object.entries(files)) {
    if (!file) continue;
    const { bytes, name } = Buffer.isBuffer(file) ? { bytes: file, name: `${upload}.pdf` } : file;
    form.append(upload, new Blob([new Uint8Array(bytes)]), name);
  }
  return form;
}

/** A workbook as an agency saves it from Excel: a heading row, then 法人代码 and 企业名称. */
export async function delegatorWorkbook(rows: Array<[string, string]>): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('委托企业');
  sheet.addRow(['法人代码', '企业名称']);
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await book.xlsx.writeBuffer());
}
