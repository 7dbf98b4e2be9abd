import { kindOf } from './kinds/index.ts';
import type { FormDefinition } from './types.ts';

/**
 * Reads a posted form into the shape its schema expects (conform's coerceFormValue, in spirit),
 * each field as its kind reads it: several ticked boxes an array, a ticked consent box `true`,
 * repeatable rows an array of rows, everything else a string as typed. Nothing is trimmed here:
 * what the person typed is shown back to them unchanged.
 */
export function readFormValues(form: FormDefinition, data: FormData): Record<string, unknown> {
  return Object.fromEntries(form.fields.map((field) => [field.name, kindOf(field).read(field, data)]));
}

/** The answers of `fields` as hidden inputs' name/value pairs, so nothing typed is lost between plain POSTs. */
export function formEntries(fields: FormDefinition['fields'], values: Record<string, unknown>): Array<[string, string]> {
  return fields.flatMap((field) => kindOf(field).write(field, values[field.name]));
}
