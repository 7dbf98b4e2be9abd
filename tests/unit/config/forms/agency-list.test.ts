import { describe, expect, it } from 'vitest';
import { checkDelegatorList, MAX_LISTED_ENTERPRISES, parseCsv } from '../../../../config/src/forms/agency-list.ts';
import { computeCreditCodeCheckChar } from '../../../../config/src/validators/credit-code.ts';

/** A valid GB 32100 code whose body ends in `n`. */
const code = (n: number) => {
  const body = `91510100MA${String(n).padStart(7, '0')}`;
  return body + computeCreditCodeCheckChar(body);
};

describe('reading the list of delegating enterprises as CSV', () => {
  it('reads quoted cells with commas, quotes and a BOM, and both line endings', () => {
    expect(parseCsv('\uFEFF法人代码,企业名称\r\nA,"成都甲, 有限公司"\nB,"乙""丙"""\n')).toEqual([
      ['法人代码', '企业名称'],
      ['A', '成都甲, 有限公司'],
      ['B', '乙"丙"'],
    ]);
  });
});

describe('checking the list of delegating enterprises (seeds/004 §七)', () => {
  it('takes every row after the heading, codes normalised', () => {
    const rows = [
      ['法人代码', '企业名称'],
      [code(1).toLowerCase(), ' 成都甲制造有限公司 '],
      [code(2), '成都乙商贸有限公司'],
    ];
    expect(checkDelegatorList(rows)).toEqual({
      ok: true,
      delegators: [
        { code: code(1), name: '成都甲制造有限公司' },
        { code: code(2), name: '成都乙商贸有限公司' },
      ],
    });
  });

  it('accepts a list without a heading and skips blank rows', () => {
    expect(
      checkDelegatorList([
        [code(1), '甲'],
        ['', ''],
        [code(2), '乙'],
      ]),
    ).toMatchObject({ ok: true, delegators: [{}, {}] });
  });

  it('names the spreadsheet row of a bad credit code, a missing name and a duplicate', () => {
    const rows = [
      ['法人代码', '企业名称'],
      [code(1), '甲'],
      ['915101000000000000', '乙'],
      [code(1), '甲又一行'],
      [code(3), ''],
    ];
    expect(checkDelegatorList(rows)).toEqual({
      ok: false,
      message: `第3行：统一社会信用代码的校验码（最后一位）不正确，请核对后重新输入；第4行：法人代码 ${code(1)} 与第2行重复；第5行：请填写企业名称`,
    });
  });

  it('refuses a code already typed on the form', () => {
    expect(checkDelegatorList([[code(1), '甲']], [{ code: code(1), name: '甲' }])).toEqual({
      ok: false,
      message: `第1行：法人代码 ${code(1)} 与已填写的委托企业重复`,
    });
  });

  it('names five problems and counts the rest', () => {
    const rows = Array.from({ length: 7 }, (_, i) => [`BAD${i}`, '某企业']);
    const result = checkDelegatorList(rows);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toMatch(/^第1行：.*；第5行：[^；]*等共 7 处问题$/);
  });

  it('refuses an empty list and one beyond the bound of a request', () => {
    expect(checkDelegatorList([['法人代码', '企业名称']])).toEqual({ ok: false, message: '委托企业清单中没有企业' });
    const many = Array.from({ length: MAX_LISTED_ENTERPRISES + 1 }, (_, i) => [code(i), `企业${i}`]);
    expect(checkDelegatorList(many)).toEqual({ ok: false, message: '委托企业清单最多 5000 行' });
  });

  it('takes hundreds of enterprises: no cap of 50', () => {
    const rows = Array.from({ length: 800 }, (_, i) => [code(i), `企业${i}`]);
    expect(checkDelegatorList(rows)).toMatchObject({ ok: true, delegators: { length: 800 } });
  });
});
