import { describe, expect, it } from 'vitest';
import { parsePhone } from '../../../../config/src/validators/phone.ts';

describe('parsePhone', () => {
  it.each([['13800138000'], ['138 0013 8000'], ['138-0013-8000'], ['+86 138 0013 8000'], ['+86-13800138000'], ['0086 13800138000']])(
    'accepts %s as 13800138000',
    (input) => {
      expect(parsePhone(input)).toEqual({ ok: true, value: '13800138000' });
    },
  );

  it('accepts every current mobile prefix from 13 to 19', () => {
    for (const prefix of ['13', '14', '15', '16', '17', '18', '19']) {
      expect(parsePhone(`${prefix}912345678`).ok).toBe(true);
    }
  });

  it.each([
    ['1380013800', 'ten digits'],
    ['138001380001', 'twelve digits'],
    ['12800138000', 'a 12 prefix'],
    ['028-85123456', 'a landline'],
    ['+1 138 0013 8000', 'another country code'],
    ['1380013800O', 'a letter O for a zero'],
  ])('refuses %s (%s)', (input) => {
    expect(parsePhone(input)).toEqual({ ok: false, message: '请输入11位中国大陆手机号码，如 138 0013 8000' });
  });

  it('asks for the number when nothing was typed', () => {
    expect(parsePhone('  ')).toEqual({ ok: false, message: '请输入手机号码' });
  });
});
