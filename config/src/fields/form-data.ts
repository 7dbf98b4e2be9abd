import type { FormDefinition } from './types.ts';

/**
 * Reads a posted form into the shape its schema expects (conform's coerceFormValue, in spirit):
 * several ticked boxes become an array, a ticked consent box `true`, everything else a string as
 * typed. Nothing is trimmed here: what the person typed is shown back to them unchanged.
 */
export function readFormValues(form: FormDefinition, data: FormData): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const field of form.fields) {
    if (field.type === 'checkboxes') values[field.name] = data.getAll(field.name).map(String);
    else if (field.type === 'consent') values[field.name] = data.get(field.name) === 'on' || data.get(field.name) === 'true';
    else {
      const value = data.get(field.name);
      values[field.name] = typeof value === 'string' ? value : '';
    }
  }
  return values;
}
