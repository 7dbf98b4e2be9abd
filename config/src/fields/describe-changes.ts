/**
 * A record's edit as its history reads it: one line per changed answer, in the form's words, with
 * a choice's label rather than its stored value, and a list of rows compared row by row
 * ("统计服务单位 2 的单位名称：A → B") rather than two JSON arrays side by side.
 */
import { t } from '../i18n/messages.ts';
import { formatAnswer } from './format-answer.ts';
import type { Field, FieldOption } from './types.ts';

/** One field's change as the history keeps it: personal ones by name only (cms/src/lib/history.ts). */
export type RecordedChange = { from: unknown; to: unknown } | { withheld: true };

type RowsField = Extract<Field, { type: 'rows' }>;
type Row = Record<string, unknown>;

const asRows = (value: unknown): Row[] => (Array.isArray(value) ? (value as Row[]) : []);
const shown = (text: string) => text || t('history.empty');

function describeRows(field: RowsField, from: unknown, to: unknown): string[] {
  const before = asRows(from);
  const after = asRows(to);
  const rowName = (i: number) => `${field.rowNoun} ${i + 1}`;
  const wholeRow = (row: Row) => field.columns.map((column) => formatAnswer(column as Field, row[column.name])).join(' ');
  return Array.from({ length: Math.max(before.length, after.length) }, (_, i) => {
    const old = before[i];
    const now = after[i];
    if (!old) return [t('history.rowAdded', { row: rowName(i), value: wholeRow(now ?? {}) })];
    if (!now) return [t('history.rowRemoved', { row: rowName(i), value: wholeRow(old) })];
    return field.columns
      .map((column) => [column, formatAnswer(column as Field, old[column.name]), formatAnswer(column as Field, now[column.name])] as const)
      .filter(([, a, b]) => a !== b)
      .map(([column, a, b]) => t('history.rowChanged', { row: rowName(i), label: column.label, from: shown(a), to: shown(b) }));
  }).flat();
}

const asText = (value: unknown) => (typeof value === 'string' ? value : value === null || value === undefined ? '' : JSON.stringify(value));

/**
 * The lines of one edit. `fields` are the form's questions; `labels` name the stored fields the
 * form does not ask (性别, 注册编号…) and `valueLabels` their stored values (male → 男);
 * `options` names the choices that come from the CMS (the catalog's datasets).
 */
export function describeChanges(
  changes: Record<string, RecordedChange> | null | undefined,
  fields: readonly Field[],
  labels: Record<string, string> = {},
  valueLabels: Record<string, string> = {},
  options: readonly FieldOption[] = [],
): string[] {
  const byName = new Map(fields.map((field) => [field.name, field]));
  return Object.entries(changes ?? {}).flatMap(([name, change]) => {
    const field = byName.get(name);
    const label = field?.label ?? labels[name] ?? name;
    if ('withheld' in change) return [t('history.withheld', { label })];
    if (field?.type === 'rows') return describeRows(field, change.from, change.to);
    const format = (value: unknown) => (field ? formatAnswer(field, value, options) : (valueLabels[asText(value)] ?? asText(value)));
    return [t('history.changed', { label, from: shown(format(change.from)), to: shown(format(change.to)) })];
  });
}
