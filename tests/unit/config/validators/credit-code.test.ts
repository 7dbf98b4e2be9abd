import { describe, expect, it } from 'vitest';
import { computeCreditCodeCheckChar, isCreditCode, parseCreditCode } from '../../../../config/src/validators/credit-code.ts';

describe('parseCreditCode (GB 32100-2015)', () => {
  it.each([
    ['91350100M000100Y43', 'the example of GB 32100-2015'],
    ['9144030071526726XG', 'a Shenzhen company whose check character is a letter'],
    ['914403001922038216', 'a Shenzhen company whose check character is a digit'],
    ['91110108551385082Q', 'a Beijing company'],
  ])('accepts %s (%s)', (code) => {
    expect(parseCreditCode(code)).toEqual({ ok: true, value: code });
  });

  it('accepts lower case and spaces, returning the canonical form', () => {
    expect(parseCreditCode(' 91350100m000100y43 ')).toEqual({ ok: true, value: '91350100M000100Y43' });
  });

  it('refuses a code whose check character is wrong', () => {
    expect(parseCreditCode('91350100M000100Y44')).toEqual({
      ok: false,
      message: '统一社会信用代码的校验码（最后一位）不正确，请核对后重新输入',
    });
    expect(parseCreditCode('9144030071526726XH').ok).toBe(false);
  });

  it.each(['I', 'O', 'S', 'V', 'Z'])('refuses the letter %s, which the standard leaves out', (letter) => {
    expect(parseCreditCode(`91350100M000100${letter}43`)).toEqual({
      ok: false,
      message: '统一社会信用代码只能包含数字和大写字母（不使用 I、O、S、V、Z）',
    });
  });

  it('refuses a code of the wrong length', () => {
    expect(parseCreditCode('91350100M000100Y4')).toEqual({ ok: false, message: '统一社会信用代码应为18位' });
  });

  it('refuses letters in the administrative-area part', () => {
    const body = '9135A100M000100Y4';
    expect(parseCreditCode(body + computeCreditCodeCheckChar(body))).toEqual({
      ok: false,
      message: '统一社会信用代码的第3至8位应为数字（登记管理机关行政区划码）',
    });
  });

  it('asks for the code when nothing was typed', () => {
    expect(parseCreditCode('')).toEqual({ ok: false, message: '请输入统一社会信用代码' });
  });
});

describe("isCreditCode (the login events' one-pass check)", () => {
  it('agrees with parseCreditCode on canonical codes, valid or not', () => {
    const body = '91510104MA6C9XKQ3';
    const samples = ['91350100M000100Y43', '9144030071526726XG', '91350100M000100Y44', '9135A100M000100Y43', '91350100M000100I43'];
    for (const char of '0123456789ABCDEFGHJKLMNPQRTUWXYZIOSV') samples.push(body + char);
    samples.push('', '91350100M000100Y4', '91350100M000100Y431', '91350100m000100y43', '91350100M000100Y4３');
    for (const code of samples)
      expect(isCreditCode(code), code).toBe(parseCreditCode(code).ok && code === code.toUpperCase() && code.length === 18);
  });
});
