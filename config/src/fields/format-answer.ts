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
    case 'rows':
      // One line per row: "91510100MA61R8XK36 成都某某有限公司 综合统计".
      return (Array.isArray(value) ? value : [])
        .map((row: Record<string, unknown>) =>
          field.columns
            .map((column) => formatAnswer(column, row?.[column.name]))
            .filter(Boolean)
            .join(' '),
        )
        .join('\n');
    default:
      return String(value);
  }
}
