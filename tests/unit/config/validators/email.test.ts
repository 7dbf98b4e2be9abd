import { describe, expect, it } from 'vitest';
import { parseEmail } from '../../../../config/src/validators/email.ts';

describe('parseEmail', () => {
  it.each(['zhang.san@stats.gov.cn', 'li+data@ruc.edu.cn', 'A_B@example.com.cn'])('accepts %s', (email) => {
    expect(parseEmail(email)).toEqual({ ok: true, value: email });
  });

  it('trims spaces around the address', () => {
    expect(parseEmail(' wang@pku.edu.cn ')).toEqual({ ok: true, value: 'wang@pku.edu.cn' });
  });

  it.each(['wang', 'wang@', '@pku.edu.cn', 'wang@pku', 'wang@@pku.edu.cn', 'wang @pku.edu.cn', 'wang@pku..edu.cn'])(
    'refuses %s',
    (email) => {
      expect(parseEmail(email)).toEqual({ ok: false, message: '请输入有效的电子邮箱地址，如 name@example.com' });
    },
  );

  it('asks for the address when nothing was typed', () => {
    expect(parseEmail('')).toEqual({ ok: false, message: '请输入电子邮箱' });
  });
});
