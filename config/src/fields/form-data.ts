import type { FormDefinition, RowsField } from './types.ts';

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
  return [...rows.entries()].sort(([a], [b]) => a - b).map(([, row]) => row);
}

/**
 * Reads a posted form into the shape its schema expects (conform's coerceFormValue, in spirit):
 * several ticked boxes become an array, a ticked consent box `true`, everything else a string as
 * typed, repeatable rows an array of rows. Nothing is trimmed here: what the person typed is shown back to them unchanged.
 */
export function readFormValues(form: FormDefinition, data: FormData): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const field of form.fields) {
    if (field.type === 'rows') values[field.name] = readRows(field, data);
    else if (field.type === 'checkboxes') values[field.name] = data.getAll(field.name).map(String);
    else if (field.type === 'consent') values[field.name] = data.get(field.name) === 'on' || data.get(field.name) === 'true';
    else {
      const value = data.get(field.name);
      values[field.name] = typeof value === 'string' ? value : '';
    }
  }
  return values;
}
