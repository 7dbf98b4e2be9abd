/** One exported table: zh-CN headers and rows of plain values, as a reviewer opens it in a spreadsheet. */
export interface Table {
  name: string;
  headers: string[];
  rows: Array<Array<string | number>>;
}

function csvCell(value: string | number): string {
  const text = String(value);
  // Defuse formulas a spreadsheet would run (=, +, -, @ at the start; OWASP "CSV injection").
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** CSV with a UTF-8 BOM and CRLF, so that Excel on Chinese Windows opens it right. */
export function toCsv(table: Pick<Table, 'headers' | 'rows'>): string {
  const lines = [table.headers, ...table.rows].map((row) => row.map(csvCell).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** An XLSX workbook with one sheet per table. */
export async function toXlsx(tables: Table[]): Promise<Buffer> {
  const ExcelJS = (await import('exceljs')).default;
  const workbook = new ExcelJS.Workbook();
  for (const table of tables) {
    const sheet = workbook.addWorksheet(table.name);
    sheet.addRow(table.headers).font = { bold: true };
    for (const row of table.rows) sheet.addRow(row);
    sheet.columns.forEach((column) => {
      column.width = 18;
    });
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
