import { describe, expect, it } from 'vitest';
import { parseForm } from '../../../../config/src/fields/form-schema.ts';
import { formSchemas } from '../../../../config/src/forms/index.ts';
import { validDataApplication } from '../../../integration/support/fixtures.ts';

const parse = (overrides: Record<string, unknown>) =>
  parseForm(formSchemas['data-application'], validDataApplication('JG-2026-000001', overrides));

describe('the data application form’s rules', () => {
  it('refuses a use period that ends before it starts, next to the end date', () => {
    expect(parse({ usePeriodStart: '2026-12-01', usePeriodEnd: '2026-01-01' })).toEqual({
      ok: false,
      fields: { usePeriodEnd: '使用期限结束日期不能早于开始日期' },
    });
  });

  it('accepts a use period of a single day', () => {
    expect(parse({ usePeriodStart: '2026-12-01', usePeriodEnd: '2026-12-01' }).ok).toBe(true);
  });
});
