/**
 * 可添加多行: a list of rows the person adds and removes (GOV.UK "Add another thing"), e.g.
 * 统计服务单位. Posted as `name.<row>.<column>`; each row is checked with its columns' kinds and
 * stored as a JSON array of rows.
 */
import { z } from 'zod';
import type { FieldKind } from '../kind.ts';
import { fieldMessages } from '../messages.ts';
import { baseField } from './common.ts';
import { creditCode } from './credit-code.ts';
import { date } from './date.ts';
import { email } from './email.ts';
import { idCard } from './id-card.ts';
import { phone } from './phone.ts';
import { radios } from './radios.ts';
import { select } from './select.ts';
import { text } from './text.ts';
import { textarea } from './textarea.ts';
import { url } from './url.ts';

/** The kinds a row's column can be: one plain answer per row. */
const columnKinds = { text, textarea, email, phone, url, idCard, creditCode, date, select, radios };

export const columnDefinition = z.discriminatedUnion(
  'type',
  Object.values(columnKinds).map((kind) => kind.definition) as unknown as [
    (typeof columnKinds)[keyof typeof columnKinds]['definition'],
    ...Array<(typeof columnKinds)[keyof typeof columnKinds]['definition']>,
  ],
);
/** A field that can be a column of a repeatable row. */
export type ColumnField = z.infer<typeof columnDefinition>;

const kindOfColumn = (column: ColumnField) => columnKinds[column.type] as unknown as FieldKind<ColumnField>;

export const definition = z.object({
  ...baseField,
  type: z.literal('rows'),
  /** The questions of one row, in order. */
  columns: z.array(columnDefinition).readonly().describe('The questions of one row, in order.'),
  /** Fewest rows accepted. */
  minRows: z.number().int().nonnegative().describe('Fewest rows accepted.'),
  /** Most rows accepted. */
  maxRows: z.number().int().positive().describe('Most rows accepted.'),
  /** What one row is called (服务单位), in headings, buttons and messages. */
  rowNoun: z.string().describe('What one row is called (服务单位), in headings, buttons and messages.'),
  /** A column whose answer must differ from row to row (an enterprise's code). */
  uniqueBy: z.string().optional().describe("A column whose answer must differ from row to row (an enterprise's code)."),
});
export type RowsField = z.infer<typeof definition>;

/** Rows of columns; a repeated answer in the `uniqueBy` column is reported on the later row. */
function rowsAnswer(field: RowsField) {
  const row = z.object(Object.fromEntries(field.columns.map((column) => [column.name, kindOfColumn(column).answer(column)])), {
    error: () => fieldMessages.wrongType(field.rowNoun),
  });
  const count = fieldMessages.rowCount(field.rowNoun, field.minRows, field.maxRows);
  return z
    .array(row, { error: () => count })
    .min(field.minRows, count)
    .max(field.maxRows, count)
    .superRefine((rows, ctx) => {
      const key = field.uniqueBy;
      if (!key) return;
      const seen = new Set<unknown>();
      for (const [i, answers] of rows.entries()) {
        const value = (answers as Record<string, unknown>)[key];
        if (seen.has(value))
          ctx.addIssue({ code: 'custom', path: [i, key], message: fieldMessages.duplicateRow(field.rowNoun, String(value)) });
        seen.add(value);
      }
    });
}

/** The rows posted as `name.<row>.<column>`, in row order, each column as typed. */
function readRows(field: RowsField, data: FormData): Array<Record<string, string>> {
  const rows = new Map<number, Record<string, string>>();
  const pattern = new RegExp(`^${field.name}\\.(\\d{1,3})\\.(\\w+)$`);
  for (const [key, value] of data.entries()) {
    const match = pattern.exec(key);
    const column = field.columns.find((c) => c.name === match?.[2]);
    if (!match || !column || typeof value !== 'string') continue;
    const index = Number(match[1]);
    if (!rows.has(index)) rows.set(index, Object.fromEntries(field.columns.map((c) => [c.name, ''])));
    (rows.get(index) as Record<string, string>)[column.name] = value;
  }
  const read = [...rows.entries()].sort(([a], [b]) => a - b).map(([, row]) => row);
  // A list that may stay empty still shows one row to start from (site/src/lib/rows.ts); left
  // blank it is no row, not a row missing its answers: an agency whose enterprises all come in
  // the list file (seeds/004 §七) goes on without JavaScript to remove it.
  return field.minRows === 0 ? read.filter((row) => Object.values(row).some((cell) => cell.trim() !== '')) : read;
}

const rowsOf = (value: unknown) => (Array.isArray(value) ? (value as Array<Record<string, unknown>>) : []);

/** A column's answer as people read it ('' when empty, as formatAnswer does). */
const formatCell = (column: ColumnField, value: unknown) =>
  value === undefined || value === null || value === '' ? '' : kindOfColumn(column).format(column, value, []);

export const rows = {
  definition,
  answer: rowsAnswer,
  attribute: (field) => ({ type: 'json', required: !field.optional }),
  read: readRows,
  // Rows travel cell by cell, under the names their inputs have (`serviceUnits.0.code`).
  write: (field, value) =>
    rowsOf(value).flatMap((row, i) =>
      field.columns.map((column): [string, string] => [`${field.name}.${i}.${column.name}`, String(row[column.name] ?? '')]),
    ),
  // One line per row: "91510100MA61R8XK36 成都某某有限公司 综合统计".
  format: (field, value) =>
    rowsOf(value)
      .map((row) =>
        field.columns
          .map((column) => formatCell(column, row?.[column.name]))
          .filter(Boolean)
          .join(' '),
      )
      .join('\n'),
  sample: (field) =>
    Array.from({ length: Math.max(1, field.minRows) }, () =>
      Object.fromEntries(field.columns.map((column) => [column.name, kindOfColumn(column).sample(column)])),
    ),
  input: () => ({}),
} satisfies FieldKind<RowsField>;
