import { describe, expect, it } from 'vitest';
import { parseUrl } from '../../../../config/src/validators/url.ts';

describe('parseUrl', () => {
  it('accepts an https address as typed', () => {
    expect(parseUrl('https://www.stats.gov.cn/sj/')).toEqual({ ok: true, value: 'https://www.stats.gov.cn/sj/' });
  });

  it('adds https:// to a bare host name, as people type it', () => {
    expect(parseUrl('www.ruc.edu.cn')).toEqual({ ok: true, value: 'https://www.ruc.edu.cn/' });
  });

  it.each(['javascript:alert(1)', 'ftp://files.example.cn', 'http://localhost', 'https://user:pw@example.cn', 'http://'])(
    'refuses %s',
    (url) => {
      expect(parseUrl(url)).toEqual({
        ok: false,
        message: '请输入以 http:// 或 https:// 开头的完整网址，如 https://www.example.cn',
      });
    },
  );
});
