import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_PNG as PNG } from '../integration/support/files.ts';
import { launchBrowser } from './support/browser.ts';
import { fillByLabel, review, siteUrl } from './support/journey.ts';

const ANSWERS = {
  机构单位全称: '复旦大学',
  统一社会信用代码: '12110000MB0000901Y',
  '单位网址（选填）': 'www.fudan.edu.cn',
  通讯地址: '上海市杨浦区邯郸路220号',
  电子邮箱: 'office@fudan.edu.cn',
  法人代表姓名: '王五',
  法人代表职务: '校长',
  联系人姓名: '李四',
  联系人职务: '科研处处长',
  联系人电话: '139 1234 5678',
  联系人邮箱: 'lisi@fudan.edu.cn',
};

describe('registering an institution, as a new user', () => {
  let browser: Browser;
  let files: string;
  beforeAll(async () => {
    browser = await launchBrowser();
    files = mkdtempSync(join(tmpdir(), 'statdesk-e2e-'));
  });
  afterAll(async () => {
    await browser?.close();
    rmSync(files, { recursive: true, force: true });
  });

  async function reachTheForm(page: Page) {
    await page.goto(siteUrl('/'));
    await page.getByRole('link', { name: '机构登记' }).first().click();
    await expect(page.locator('h1').textContent()).resolves.toBe('机构登记');
    await expect(page.locator('.notice-text').textContent()).resolves.toContain('微观数据开发应用机构登记面向');
  }

  for (const javaScriptEnabled of [true, false]) {
    it(`shows every message and keeps what was typed, with JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, async () => {
      const context = await browser.newContext({ javaScriptEnabled, locale: 'zh-CN' });
      const page = await context.newPage();
      const suffix = javaScriptEnabled ? 'js' : 'nojs';
      await reachTheForm(page);
      await page.getByRole('button', { name: '同意并继续' }).click();
      await expect(page.title()).resolves.toMatch(/^错误：/);
      await expect(page.locator('.error-summary').textContent()).resolves.toContain('请阅读并勾选同意后再继续');
      if (javaScriptEnabled) await review(page, `institution-consent-error`);

      await page.getByLabel(/我已阅读并同意/).check();
      await page.getByRole('button', { name: '同意并继续' }).click();
      await page.getByRole('button', { name: '继续' }).click();
      expect(await page.locator('.error-summary li').allTextContents()).toEqual([
        '请输入机构单位全称',
        '请输入统一社会信用代码',
        '请输入通讯地址',
        '请输入电子邮箱',
        '请输入法人代表姓名',
        '请输入法人代表职务',
        '请输入联系人姓名',
        '请输入联系人职务',
        '请输入联系人电话',
        '请输入联系人邮箱',
        '请阅读并勾选同意后再继续',
      ]);
      if (javaScriptEnabled) await review(page, 'institution-form-empty');

      await fillByLabel(page, { ...ANSWERS, 统一社会信用代码: '91350100M000100Y44', 联系人电话: '12345' });
      await page.getByLabel(/我已阅读并同意/).check();
      await page.getByRole('button', { name: '继续' }).click();
      expect(await page.locator('.error-summary li').allTextContents()).toEqual([
        '统一社会信用代码的校验码（最后一位）不正确，请核对后重新输入',
        '请输入11位中国大陆手机号码，如 138 0013 8000',
      ]);
      // Nothing typed is lost, including the wrong answers and the ticked box.
      await expect(page.getByLabel('机构单位全称', { exact: true }).inputValue()).resolves.toBe('复旦大学');
      await expect(page.getByLabel('统一社会信用代码', { exact: true }).inputValue()).resolves.toBe('91350100M000100Y44');
      await expect(page.getByLabel('联系人电话', { exact: true }).inputValue()).resolves.toBe('12345');
      await expect(page.getByLabel(/我已阅读并同意/).isChecked()).resolves.toBe(true);
      await page.locator('.error-summary a').first().click();
      await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('field-creditCode');
      if (javaScriptEnabled) await review(page, 'institution-form-errors');
      await saveStep(page, `institution-errors-${suffix}`);
      await context.close();
    });
  }

  it('registers, shows the password once, prints the form and takes the stamped scan', async () => {
    const context: BrowserContext = await browser.newContext({ locale: 'zh-CN', acceptDownloads: true });
    const page = await context.newPage();
    await reachTheForm(page);
    await review(page, 'institution-consent');
    await page.getByLabel(/我已阅读并同意/).check();
    await page.getByRole('button', { name: '同意并继续' }).click();
    await review(page, 'institution-form');
    await fillByLabel(page, ANSWERS);
    await page.getByLabel(/我已阅读并同意/).check();
    await page.getByRole('button', { name: '继续' }).click();

    await expect(page.locator('h1').textContent()).resolves.toBe('检查您填写的内容');
    await expect(page.locator('.summary-list').textContent()).resolves.toContain('https://www.fudan.edu.cn/');
    await review(page, 'institution-check-answers');
    await page.getByRole('button', { name: '修改 联系人职务' }).click();
    await expect(page.getByLabel('联系人职务', { exact: true }).inputValue()).resolves.toBe('科研处处长');
    await page.getByRole('button', { name: '继续' }).click();
    await page.getByRole('button', { name: '提交机构申请' }).click();

    expect(new URL(page.url()).pathname).toBe('/confirmation');
    const applicationNo = (await page.locator('#application-no').textContent()) ?? '';
    const password = (await page.locator('#query-password').textContent()) ?? '';
    expect(applicationNo).toMatch(/^JG-\d{4}-\d{6}$/);
    expect(password).toMatch(/^[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{2}$/);
    await expect(page.getByRole('button', { name: '复制查询密码' }).isVisible()).resolves.toBe(true);
    await review(page, 'institution-confirmation');

    const download = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: '下载申请表（PDF）' }).click()]).then(
      ([d]) => d,
    );
    const pdf = join(files, 'form.pdf');
    await download.saveAs(pdf);
    expect((await import('node:fs')).readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');

    // Shown once: a refresh does not show the password again.
    await page.reload();
    await expect(page.locator('h1').textContent()).resolves.toBe('没有可显示的提交结果');
    await expect(page.content()).resolves.not.toContain(password);

    await page.context().clearCookies();
    await page.goto(siteUrl('/query'));
    await review(page, 'query');
    await fillByLabel(page, { 手机号码: '13912345678', 查询密码: password.toLowerCase() });
    await page.getByRole('button', { name: '查询' }).click();
    await expect(page.url()).not.toContain(password);
    const row = page.locator('tbody tr').first();
    await expect(row.textContent()).resolves.toContain('等待上传申请表');
    await expect(page.locator('.pagination-text').textContent()).resolves.toBe('1/1页, 1条, 显示1-1');
    await review(page, 'query-results');

    await row.getByRole('link', { name: /提交申请表/ }).click();
    await expect(page.locator('.list').textContent()).resolves.toContain('不超过 10MB');
    const scan = join(files, 'stamped.png');
    writeFileSync(scan, PNG);
    const exe = join(files, 'stamped.pdf');
    writeFileSync(exe, Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03]));
    await page.getByLabel('盖章后的申请表').setInputFiles(exe);
    await page.getByRole('button', { name: '上传' }).click();
    await expect(page.locator('.error-summary').textContent()).resolves.toContain('只能上传PDF、JPG或PNG格式的扫描件');
    await review(page, 'upload-error');
    await page.getByLabel('盖章后的申请表').setInputFiles(scan);
    await page.getByRole('button', { name: '上传' }).click();
    await expect(page.locator('.notification').textContent()).resolves.toBe('申请表已上传，请等待审核。');
    await expect(page.locator('tbody tr').first().textContent()).resolves.toContain('等待实验室审批');
    await context.close();
  });
});

async function saveStep(page: Page, name: string) {
  const { saveScreenshot } = await import('./support/browser.ts');
  await saveScreenshot(page, name);
}
