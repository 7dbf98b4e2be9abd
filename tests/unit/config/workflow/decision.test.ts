import { describe, expect, it } from 'vitest';
import { parseForm } from '../../../../config/src/fields/form-schema.ts';
import { decisionSchema } from '../../../../config/src/workflow/decision.ts';

const parse = (input: unknown) => parseForm(decisionSchema, input);

describe('a reviewer’s decision', () => {
  it('accepts an approval with an access period', () => {
    expect(parse({ action: 'approve', accessStart: '2026-12-01', accessEnd: '2027-11-30' })).toEqual({
      ok: true,
      values: { action: 'approve', accessStart: '2026-12-01', accessEnd: '2027-11-30' },
    });
  });

  it.each([
    [{ action: 'archive' }, { action: '请选择审核决定：通过、退回修改、不通过或终止使用' }],
    [{ action: 'approve', accessStart: '2026-12-01' }, { accessEnd: '数据使用期限的开始和结束日期要同时填写' }],
    [{ action: 'approve', accessStart: '2027-01-01', accessEnd: '2026-12-31' }, { accessEnd: '数据使用期限的结束日期不能早于开始日期' }],
    [{ action: 'approve', accessStart: '2026-02-30', accessEnd: '2026-12-31' }, { accessStart: '请按 2026-12-01 的格式填写日期' }],
    [{ action: 'approve', accessStart: '2026-12-01', accessEnd: '2026-13-01' }, { accessEnd: '请按 2026-12-01 的格式填写日期' }],
    [{ action: 'approve', accessStart: '2026-12-01', accessEnd: '2027-02-29' }, { accessEnd: '请按 2026-12-01 的格式填写日期' }],
    [{ action: 'return', reason: 'x'.repeat(2001) }, { reason: '理由不能超过2000个字' }],
  ])('refuses %j with a message next to the field', (input, fields) => {
    expect(parse(input)).toEqual({ ok: false, fields });
  });
});
