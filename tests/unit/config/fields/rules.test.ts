import { describe, expect, it } from 'vitest';
import { buildFormSchema, parseForm } from '../../../../config/src/fields/form-schema.ts';
import { periodInOrder } from '../../../../config/src/fields/rules.ts';
import type { Field, FormDefinition } from '../../../../config/src/fields/types.ts';

const fields = [
  { name: 'name', type: 'text', label: '姓名' },
  { name: 'start', type: 'date', label: '开始日期' },
  { name: 'end', type: 'date', label: '结束日期', optional: true },
] as const satisfies readonly Field[];

const schema = buildFormSchema({
  id: 'test-form',
  title: '测试',
  phoneField: 'phone',
  applicantField: 'name',
  fields,
  rules: [periodInOrder('start', 'end', '使用期限')],
} satisfies FormDefinition<typeof fields>);

describe('periodInOrder', () => {
  it('refuses a period that ends before it starts, next to its end', () => {
    expect(parseForm(schema, { name: '张三', start: '2026-12-01', end: '2026-11-30' })).toEqual({
      ok: false,
      fields: { end: '使用期限结束日期不能早于开始日期' },
    });
  });

  it('accepts a period that ends on the day it starts or later', () => {
    expect(parseForm(schema, { name: '张三', start: '2026-12-01', end: '2026-12-01' }).ok).toBe(true);
    expect(parseForm(schema, { name: '张三', start: '2026-12-01', end: '2027-01-01' }).ok).toBe(true);
  });

  it('leaves a period without an end to its fields', () => {
    expect(parseForm(schema, { name: '张三', start: '2026-12-01', end: '' })).toEqual({
      ok: true,
      values: { name: '张三', start: '2026-12-01' },
    });
  });

  it('is judged only once every answer is valid, so a refused answer is reported alone', () => {
    expect(parseForm(schema, { name: '', start: '2026-12-01', end: '2026-11-30' })).toEqual({ ok: false, fields: { name: '请输入姓名' } });
  });
});
