import { describe, expect, it } from 'vitest';
import { computeIdCardCheckChar, parseIdCard } from '../../../../config/src/validators/id-card.ts';

const TODAY = new Date('2026-11-23T00:00:00Z');

describe('parseIdCard (GB 11643-1999)', () => {
  it('accepts the example number printed in GB 11643-1999, with an X check character', () => {
    expect(parseIdCard('11010519491231002X', TODAY)).toEqual({
      ok: true,
      value: { number: '11010519491231002X', birthDate: '1949-12-31', gender: 'female' },
    });
  });

  it('accepts a lower-case x and surrounding spaces, and derives a male gender from an odd order code', () => {
    const result = parseIdCard(' 110101199003074477 ', TODAY);
    expect(result).toEqual({ ok: true, value: { number: '110101199003074477', birthDate: '1990-03-07', gender: 'male' } });
    expect(parseIdCard('11010519491231002x', TODAY).ok).toBe(true);
  });

  it('refuses an ID whose check digit is wrong', () => {
    expect(parseIdCard('510105198001010019', TODAY)).toEqual({
      ok: false,
      message: '身份证号码的校验位（最后一位）不正确，请核对后重新输入',
    });
    expect(parseIdCard('110105194912310021', TODAY).ok).toBe(false);
  });

  it('refuses numbers of the wrong length or with letters inside', () => {
    expect(parseIdCard('11010519491231002', TODAY)).toEqual({
      ok: false,
      message: '身份证号码应为18位：前17位是数字，最后一位是数字或X',
    });
    expect(parseIdCard('1101051949123100X2', TODAY).ok).toBe(false);
    expect(parseIdCard('110105194912310', TODAY).ok).toBe(false);
  });

  it('refuses an impossible or future birth date even when the check digit fits', () => {
    const feb30 = `11010519900230123`;
    expect(parseIdCard(feb30 + computeIdCardCheckChar(feb30), TODAY)).toEqual({
      ok: false,
      message: '身份证号码中的出生日期（第7至14位）无效',
    });
    const future = '11010520301001123';
    expect(parseIdCard(future + computeIdCardCheckChar(future), TODAY).ok).toBe(false);
  });

  it('refuses the 1880 example of GB 11643-1999 because no living registrant was born before 1900', () => {
    expect(parseIdCard('440524188001010014', TODAY)).toMatchObject({ ok: false, message: '身份证号码中的出生日期（第7至14位）无效' });
  });

  it('refuses a number whose region code cannot exist', () => {
    const body = '01010519491231002';
    expect(parseIdCard(body + computeIdCardCheckChar(body), TODAY)).toEqual({
      ok: false,
      message: '身份证号码的前6位不是有效的行政区划代码',
    });
  });

  it('asks for the number when nothing was typed', () => {
    expect(parseIdCard('   ', TODAY)).toEqual({ ok: false, message: '请输入身份证号码' });
  });
});
