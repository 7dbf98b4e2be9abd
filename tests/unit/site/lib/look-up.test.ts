import { describe, expect, it } from 'vitest';
import { lookUpProblems } from '../../../../site/src/lib/look-up.ts';

describe('lookUpProblems', () => {
  it('says a wrong pair once, next to the password, not again as the summary message', () => {
    expect(lookUpProblems({ ok: false, status: 401, message: '登记编号或查询密码不正确', fields: {} })).toEqual({
      errors: { password: '登记编号或查询密码不正确' },
      message: undefined,
    });
  });

  it('puts field errors by their fields', () => {
    const fields = { registrationNo: '请输入登记编号，如 DL-2026-000001', password: '请输入查询密码' };
    expect(lookUpProblems({ ok: false, status: 400, message: '提交的内容有误', fields })).toEqual({ errors: fields, message: undefined });
  });

  it('shows a refusal without fields, such as too many attempts, as the summary message', () => {
    const message = '尝试次数过多，请15分钟后再试';
    expect(lookUpProblems({ ok: false, status: 429, message, fields: {} })).toEqual({ errors: {}, message });
  });
});
