import { kindOf } from './kinds/index.ts';
import type { Field, FieldOption } from './types.ts';

/**
 * One answer as people read it: on the check-answers page, the printed form and exports.
 * `options` supplies labels for fields whose options come from the CMS.
 */
export function formatAnswer(field: Field, value: unknown, options: readonly FieldOption[] = []): string {
  if (value === undefined || value === null || value === '') return '';
  return kindOf(field).format(field, value, options);
}
