import { kindOf } from './kinds/index.ts';
import type { FormDefinition } from './types.ts';

/** One valid answer per field of a form, so that a template can be previewed before anyone has applied. */
export function sampleAnswers(form: FormDefinition): Record<string, unknown> {
  return Object.fromEntries(form.fields.map((field) => [field.name, kindOf(field).sample(field)]));
}
