import { type FormDefinition, type RowsField, t } from '@statdesk/config';

/**
 * The "add another" and "remove" buttons of repeatable rows, as plain form posts so that they work
 * without JavaScript: `add-row:<field>` appends an empty row, `remove-row:<field>:<index>` removes
 * one. Answers the new list of values, or undefined when the action is not one of these.
 */
export function moveRows(form: FormDefinition, values: Record<string, unknown>, action: string): Record<string, unknown> | undefined {
  const [verb, name, index] = action.split(':');
  if (verb !== 'add-row' && verb !== 'remove-row') return undefined;
  const field = form.fields.find((f): f is RowsField => f.type === 'rows' && f.name === name);
  if (!field) return undefined;
  const rows = [...((values[field.name] as Array<Record<string, string>>) ?? [])];
  if (verb === 'add-row' && rows.length < field.maxRows) rows.push(Object.fromEntries(field.columns.map((c) => [c.name, ''])));
  if (verb === 'remove-row' && rows.length > field.minRows) rows.splice(Number(index), 1);
  return { ...values, [field.name]: rows };
}

/**
 * Why a remove was refused, by the rows field's name: without JavaScript a stale page (or one
 * whose styles did not load) still offers 删除 on the last row, and the page came back unchanged
 * with nothing said. Undefined when the action removed a row or was not a remove.
 */
export function refusedRowRemoval(
  form: FormDefinition,
  values: Record<string, unknown>,
  action: string,
): Record<string, string> | undefined {
  const [verb, name] = action.split(':');
  const field = form.fields.find((f): f is RowsField => f.type === 'rows' && f.name === name);
  if (verb !== 'remove-row' || !field) return undefined;
  const rows = (values[field.name] as unknown[] | undefined) ?? [];
  if (rows.length > field.minRows) return undefined;
  const min = Math.max(1, field.minRows);
  const message =
    min === 1 ? t('site.rows.keepTheOnlyOne', { noun: field.rowNoun }) : t('site.rows.keepTheMinimum', { min, noun: field.rowNoun });
  return { [field.name]: message };
}

/** The rows to show: what was typed, or the minimum number of empty rows. */
export function rowsToShow(field: RowsField, value: unknown): Array<Record<string, string>> {
  const rows = Array.isArray(value) ? (value as Array<Record<string, string>>) : [];
  const empty = () => Object.fromEntries(field.columns.map((c) => [c.name, '']));
  return rows.length >= Math.max(1, field.minRows)
    ? rows
    : [...rows, ...Array.from({ length: Math.max(1, field.minRows) - rows.length }, empty)];
}
