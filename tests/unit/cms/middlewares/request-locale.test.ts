import { describe, expect, it } from 'vitest';

// cms/ compiles as CommonJS under its own tsconfig: a static import would pull its sources into
// the root type check (verbatimModuleSyntax), so the module is loaded by a computed path.
const requestLocalePath = '../../../../cms/src/middlewares/request-locale.ts';
const { localeOfRequest } = (await import(requestLocalePath)) as {
  localeOfRequest(query: Record<string, unknown>, acceptLanguage: string | undefined): 'zh-CN' | 'en';
};

describe('the language a public API request asks for', () => {
  it('is English when ?locale=en or the first language of Accept-Language is English', () => {
    expect(localeOfRequest({ locale: 'en' }, undefined)).toBe('en');
    expect(localeOfRequest({}, 'en-GB,en;q=0.9,zh-CN;q=0.8')).toBe('en');
    expect(localeOfRequest({}, 'EN')).toBe('en');
  });

  it('is zh-CN otherwise, whatever else is asked for', () => {
    expect(localeOfRequest({}, 'zh-CN,zh;q=0.9,en;q=0.8')).toBe('zh-CN');
    expect(localeOfRequest({}, 'fr-FR')).toBe('zh-CN');
    expect(localeOfRequest({}, 'english')).toBe('zh-CN');
    expect(localeOfRequest({ locale: 'de' }, undefined)).toBe('zh-CN');
    expect(localeOfRequest({ locale: 'zh-CN' }, 'en')).toBe('zh-CN');
  });
});
