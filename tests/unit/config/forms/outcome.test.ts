import { describe, expect, it } from 'vitest';
import { parseForm } from '../../../../config/src/fields/form-schema.ts';
import { formSchemas, forms } from '../../../../config/src/forms/index.ts';
import { validOutcome } from '../../../integration/support/fixtures.ts';

const parse = (overrides: Record<string, unknown>) => parseForm(formSchemas.outcome, validOutcome('SY-2026-000001', overrides));

describe('the outcome form’s rules (收录情况, 最终成果形式)', () => {
  it('asks for the other index next to its box when 其他 is ticked without it', () => {
    expect(parse({ indexing: ['ssci', 'other'] })).toEqual({
      ok: false,
      fields: { indexingOther: '选择了“其他”，请填写（收录情况）其他' },
    });
  });

  it('accepts 其他 with the index named', () => {
    expect(parse({ indexing: ['other'], indexingOther: '中国科学引文数据库' }).ok).toBe(true);
  });

  it('refuses 未收录 together with an index, next to 收录情况', () => {
    expect(parse({ indexing: ['none', 'cssci'] })).toEqual({ ok: false, fields: { indexing: '选择“未收录”时不能再选择其他收录情况' } });
  });

  it('accepts 未收录 alone', () => {
    expect(parse({ indexing: ['none'] }).ok).toBe(true);
  });

  it('asks for the other form of outcome when 其他 is chosen', () => {
    expect(parse({ outcomeForm: 'other' })).toEqual({
      ok: false,
      fields: { outcomeFormOther: '选择了“其他”，请填写其它（最终成果形式）' },
    });
  });

  it('says on its check page what is true of outcomes, in the seed’s button words', () => {
    expect(forms.outcome.submitLabel).toBe('提交最终成果登记');
    expect(forms.outcome.submitNote).not.toMatch(/打印|盖章/);
    expect([forms.institution.submitLabel, forms['data-application'].submitLabel, forms['change-application'].submitLabel]).toEqual([
      '提交机构申请',
      '提交目录使用申请',
      '提交数据变更申请',
    ]);
  });
});
