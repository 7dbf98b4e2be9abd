import { describe, expect, it } from 'vitest';
import { en } from '../../../../config/src/i18n/en.ts';
import {
  activeLocale,
  type MessageKey,
  messagesSchema,
  placeholdersOf,
  setLocaleSource,
  t,
  tHtml,
  translator,
  withLocale,
} from '../../../../config/src/i18n/messages.ts';
import { zhCN } from '../../../../config/src/i18n/zh-CN.ts';

describe('en', () => {
  it('gives a text for every message key of zh-CN and no key of its own', () => {
    const parsed = messagesSchema.safeParse(en);
    expect(parsed.success ? [] : parsed.error.issues.map((issue) => `${issue.code} ${issue.path.join('.')}`)).toEqual([]);
    expect(Object.keys(en).sort()).toEqual(Object.keys(zhCN).sort());
  });

  it('uses the same placeholders as zh-CN in every text', () => {
    const differing = (Object.keys(zhCN) as MessageKey[]).filter(
      (key) => placeholdersOf(en[key]).sort().join() !== placeholdersOf(zhCN[key]).sort().join(),
    );
    expect(differing).toEqual([]);
  });

  it('keeps the markup of every …Html text, its links pointing to the English pages', () => {
    const htmlKeys = (Object.keys(zhCN) as MessageKey[]).filter((key) => key.endsWith('Html'));
    for (const key of htmlKeys) {
      expect(en[key].match(/<(\w+)/g), key).toEqual(zhCN[key].match(/<(\w+)/g));
      for (const [, href] of en[key].matchAll(/href="(\/[^"]*)"/g)) expect(href, key).toMatch(/^\/en\//);
    }
  });
});

describe('translator', () => {
  it('fills a text in the language asked for, whatever the request', () => {
    expect(translator('en')('field.tooLong', { label: 'Institution name', max: 100 })).toMatchInlineSnapshot(
      `"Institution name must be 100 characters or fewer"`,
    );
    expect(translator('zh-CN')('field.required', { label: '手机号码' })).toBe('请输入手机号码');
  });
});

describe('t in a language', () => {
  it('answers in zh-CN when nothing sets a language', () => {
    expect(activeLocale()).toBe('zh-CN');
    expect(t('validators.phone.required')).toBe('请输入手机号码');
  });

  it('answers in the language of the request the source names, and in zh-CN again without one', () => {
    let requestLocale: 'en' | undefined = 'en';
    setLocaleSource(() => requestLocale);
    try {
      expect(t('validators.phone.required')).toMatchInlineSnapshot(`"Enter a mobile phone number"`);
      expect(tHtml('site.confirmation.attachmentsHtml', { href: '/x"' })).toMatchInlineSnapshot(
        `"If you have documents such as a project approval or an ethics review, <a href="/x&quot;">upload them</a>."`,
      );
      requestLocale = undefined;
      expect(t('validators.phone.required')).toBe('请输入手机号码');
    } finally {
      setLocaleSource(() => undefined);
    }
  });

  it('answers in the language fixed for one call, then in the one before', () => {
    expect(withLocale('en', () => t('site.form.continue'))).toBe('Continue');
    expect(t('site.form.continue')).toBe('继续');
  });
});
