/**
 * The list of delegating enterprises an agency hands in as an electronic file (seeds/004 §七:
 * "包括被代理企业的法人代码、企业名称的清单电子文本"): one enterprise a row, its credit code in
 * the first column and its name in the second, an optional heading row. The CMS reads an Excel
 * workbook into rows; a CSV is read here.
 */
import { t } from '../i18n/messages.ts';
import { parseCreditCode } from '../validators/credit-code.ts';

/** An agency may serve hundreds of enterprises; this bounds one request, not the agency. */
export const MAX_LISTED_ENTERPRISES = 5000;
/** Problems named one by one before the rest are counted. */
const PROBLEMS_SHOWN = 5;

/**
 * The two kinds of list file, by the content type the original is stored and served with: they
 * are attachments only as a `delegatorList` (every other document is a PDF, JPEG or PNG scan).
 */
export const delegatorListTypes = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv',
} as const;
export type DelegatorListExtension = keyof typeof delegatorListTypes;

export interface Delegator {
  code: string;
  name: string;
}

/** The rows of a CSV text (RFC 4180: quoted cells may hold commas, quotes and line breaks). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const endCell = () => {
    row.push(cell);
    cell = '';
  };
  const endRow = () => {
    endCell();
    rows.push(row);
    row = [];
  };
  const input = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  for (let i = 0; i < input.length; i++) {
    const char = input[i];
    if (quoted && char === '"' && input[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (char === '"') quoted = !quoted;
    else if (quoted) cell += char;
    else if (char === ',') endCell();
    else if (char === '\n') endRow();
    else cell += char;
  }
  if (cell !== '' || row.length > 0) endRow();
  return rows;
}

/** A first row naming its columns (法人代码, 企业名称) rather than an enterprise. */
const isHeading = (row: readonly string[]) => !parseCreditCode(row[0] ?? '').ok && /代码|名称|code|name/i.test(row.join(''));

/**
 * The enterprises of a list, checked: a GB 32100 credit code and a name on every row, no code
 * twice (in the list or among the enterprises typed on the form). Problems name the row as the
 * spreadsheet numbers it.
 */
export function checkDelegatorList(
  rows: readonly (readonly string[])[],
  typed: readonly Delegator[] = [],
): { ok: true; delegators: Delegator[] } | { ok: false; message: string } {
  const firstRow = rows[0] && isHeading(rows[0]) ? 1 : 0;
  const listed = rows
    .map((cells, index) => ({ row: index + 1, code: (cells[0] ?? '').trim(), name: (cells[1] ?? '').trim() }))
    .slice(firstRow)
    .filter((entry) => entry.code !== '' || entry.name !== '');
  if (listed.length === 0) return { ok: false, message: t('workflow.agency.list.empty') };
  if (listed.length > MAX_LISTED_ENTERPRISES)
    return { ok: false, message: t('workflow.agency.list.tooMany', { max: MAX_LISTED_ENTERPRISES }) };
  const seen = new Map<string, string>(typed.map((d) => [d.code, t('workflow.agency.list.typedRow')]));
  const problems: string[] = [];
  const delegators: Delegator[] = [];
  for (const entry of listed) {
    const code = parseCreditCode(entry.code);
    if (!code.ok) problems.push(t('workflow.agency.list.badCode', { row: entry.row, message: code.message }));
    else if (seen.has(code.value))
      problems.push(t('workflow.agency.list.duplicate', { row: entry.row, code: code.value, first: String(seen.get(code.value)) }));
    else if (!entry.name) problems.push(t('workflow.agency.list.noName', { row: entry.row }));
    else {
      seen.set(code.value, t('workflow.agency.list.listRow', { row: entry.row }));
      delegators.push({ code: code.value, name: entry.name.slice(0, 200) });
    }
  }
  if (problems.length === 0) return { ok: true, delegators };
  const shown = problems.slice(0, PROBLEMS_SHOWN).join('；');
  return {
    ok: false,
    message: problems.length > PROBLEMS_SHOWN ? `${shown}${t('workflow.agency.list.more', { count: problems.length })}` : shown,
  };
}
