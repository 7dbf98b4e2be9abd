import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, saveScreenshot, VIEWPORTS } from './support/browser.ts';

describe('the home page', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  for (const [viewport, size] of Object.entries(VIEWPORTS)) {
    it(`shows the six microdata tasks in Chinese on a ${viewport}`, async () => {
      const page = await browser.newPage({ viewport: size, locale: 'zh-CN' });
      const response = await page.goto(inject('siteUrl'));
      expect(response?.status()).toBe(200);
      expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
      await expect(page.locator('h1').textContent()).resolves.toBe('微观数据用户注册申请');
      const tasks = await page.locator('.task-list a').allTextContents();
      expect(tasks).toEqual(['机构登记', '已申请机构', '数据使用申请', '数据使用变更申请', '申请结果查询', '最终成果审核与登记']);
      await saveScreenshot(page, `home-${viewport}`);
      await page.close();
    });
  }

  it('answers an unknown address with the 404 page', async () => {
    const page = await browser.newPage();
    const response = await page.goto(`${inject('siteUrl')}/no-such-page`);
    expect(response?.status()).toBe(404);
    await expect(page.locator('h1').textContent()).resolves.toBe('页面不存在');
    await page.close();
  });
});
