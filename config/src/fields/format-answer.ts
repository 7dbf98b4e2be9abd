import type { Field, FieldOption } from './types.ts';

/**
 * One answer as people read it: on the check-answers page, the printed form and exports.
 * `options` supplies labels for fields whose options come from the CMS.
 */
export function formatAnswer(field: Field, value: unknown, options: FieldOption[] = []): string {
  if (value === undefined || value === null || value === '') return '';
  switch (field.type) {
    case 'consent':
      return value === true ? '已阅读并同意' : '';
    case 'select':
    case 'radios':
    case 'checkboxes': {
      const known = [...(field.options ?? []), ...options];
      const labelOf = (v: unknown) => known.find((option) => option.value === String(v))?.label ?? String(v);
      return Array.isArray(value) ? value.map(labelOf).join('、') : labelOf(value);
    }
    default:
      return String(value);
  }
}
