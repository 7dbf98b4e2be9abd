import type { Field, FormDefinition } from './types.ts';

/** Valid example values by type, for previews of print templates (not stored anywhere). */
const SAMPLE_BY_TYPE: Partial<Record<Field['type'], unknown>> = {
  // A check-digit-valid ID number (GB 11643 example) and a reserved example domain (RFC 2606).
  idCard: '11010519491231002X',
  creditCode: '91510100MA61R8XK36',
  phone: '13800000000',
  email: 'applicant@example.com',
  url: 'https://www.example.edu.cn',
  date: '2026-12-01',
  consent: true,
};

function sampleValue(field: Field): unknown {
  if (field.type === 'select' || field.type === 'radios') return field.options?.[0]?.value ?? '示例';
  if (field.type === 'checkboxes') return field.options?.[0] ? [field.options[0].value] : ['示例'];
  if (field.type === 'text' || field.type === 'textarea') return `（示例）${field.label}`;
  if (field.type === 'rows')
    return Array.from({ length: Math.max(1, field.minRows) }, () => Object.fromEntries(field.columns.map((c) => [c.name, sampleValue(c)])));
  return SAMPLE_BY_TYPE[field.type];
}

/** One answer per field of a form, so that a template can be previewed before anyone has applied. */
export function sampleAnswers(form: FormDefinition): Record<string, unknown> {
  return Object.fromEntries(form.fields.map((field) => [field.name, sampleValue(field)]));
}
