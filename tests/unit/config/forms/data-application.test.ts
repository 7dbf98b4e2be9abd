import { describe, expect, it } from 'vitest';
import { readFormValues } from '../../../../config/src/fields/form-data.ts';
import { parseForm } from '../../../../config/src/fields/form-schema.ts';
import { dataApplication, formSchemas } from '../../../../config/src/forms/index.ts';
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

describe('the data application form’s 申请机构 and attachments (seeds/000 §二(二) 3)', () => {
  const posted = (institution: string) => {
    const data = new FormData();
    data.set('institution', institution);
    return readFormValues(dataApplication.form, data).institution;
  };

  it('reads the number of an institution picked from the suggestions', () => {
    expect(posted('北京大学（JG-2026-000001）')).toBe('JG-2026-000001');
  });

  it('reads a typed number or name as typed, for the service to judge', () => {
    expect(posted(' JG-2026-000001 ')).toBe('JG-2026-000001');
    expect(posted('北京')).toBe('北京');
  });

  it('asks for up to ten supporting documents with the answers, PDF or images', () => {
    expect(dataApplication.form.uploads).toEqual([{ name: 'attachments', label: '相关附件（选填）', pdfOnly: false, max: 10 }]);
  });
});
