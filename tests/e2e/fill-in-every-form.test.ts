import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './support/browser.ts';
import { openPage, review, siteUrl } from './support/journey.ts';

/** Each public form: where it lives, one text field to type into, one field to get wrong and its message. */
const FORMS = [
  {
    id: 'institution',
    path: '/institutions/register',
    typed: ['机构单位全称', '复旦大学'],
    wrong: ['联系人电话', '123', '请输入11位中国大陆手机号码，如 138 0013 8000'],
  },
  {
    id: 'data-application',
    path: '/data-applications/new',
    typed: ['项目名称', '人口研究'],
    wrong: ['身份证号码', '110105194912310021', '身份证号码的校验位（最后一位）不正确，请核对后重新输入'],
  },
  {
    id: 'change-application',
    // The form itself, not the step that fills it from the original.
    path: '/change-applications/new?blank=1',
    typed: ['项目名称', '人口研究'],
    wrong: ['电子邮箱', 'zhang@', '请输入有效的电子邮箱地址，如 name@example.com'],
  },
  {
    id: 'outcome',
    path: '/outcomes/register',
    typed: ['项目名称', '人口研究'],
    wrong: ['申请手机号码', '10086', '请输入11位中国大陆手机号码，如 138 0013 8000'],
  },
] as const;

describe('every form, submitted empty and with a wrong answer', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  for (const form of FORMS) {
    for (const javaScriptEnabled of [true, false]) {
      it(`${form.id}, JavaScript ${javaScriptEnabled ? 'on' : 'off'}: every message shows, nothing typed is lost`, async () => {
        const page = await openPage(browser, { locale: 'zh-CN', javaScriptEnabled });
        await page.goto(siteUrl(form.path));
        const consent = page.getByRole('button', { name: '同意并继续' });
        if (await consent.count()) {
          await page.getByLabel(/我已阅读并同意/).check();
          await consent.click();
        }
        await page.getByRole('button', { name: '继续' }).click();
        await expect(page.title()).resolves.toMatch(/^错误：/);
        const summary = await page.locator('.error-summary li').allTextContents();
        expect(summary.length).toBeGreaterThan(5);
        // Every message of the summary also stands next to its field.
        expect(await page.locator('.question__error').count()).toBe(summary.length);
        if (javaScriptEnabled) await review(page, `${form.id}-empty`);

        await page.getByLabel(form.typed[0], { exact: true }).fill(form.typed[1]);
        await page.getByLabel(form.wrong[0], { exact: true }).fill(form.wrong[1]);
        await page.getByRole('button', { name: '继续' }).click();
        await expect(page.locator(`.error-summary`).textContent()).resolves.toContain(form.wrong[2]);
        await expect(page.getByLabel(form.typed[0], { exact: true }).inputValue()).resolves.toBe(form.typed[1]);
        await expect(page.getByLabel(form.wrong[0], { exact: true }).inputValue()).resolves.toBe(form.wrong[1]);
        if (javaScriptEnabled) await review(page, `${form.id}-wrong`);
        await page.close();
      });
    }
  }

  it('refuses a form posted from another site (Astro’s origin check)', async () => {
    const response = await fetch(siteUrl('/institutions/register'), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'https://attacker.example' },
      body: '_step=check&_action=submit&fullName=x',
      redirect: 'manual',
    });
    expect(response.status).toBe(403);
  });
});
