import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findFreePort } from '../../scripts/lib/ports.ts';
import type { Service } from '../../scripts/lib/processes.ts';
import { startSite } from '../../scripts/lib/stack.ts';
import { launchBrowser } from './support/browser.ts';
import { fillByLabel, openPage, review, siteUrl } from './support/journey.ts';

const PAGES = [
  '/',
  '/institutions',
  '/institutions/register',
  '/data-applications/new',
  '/change-applications/new',
  '/query',
  '/outcomes',
  '/outcomes/register',
  '/notices/institution-notice',
];

describe('the public site', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('shows the six microdata tasks and the current notices on the home page', async () => {
    const page = await openPage(browser);
    const response = await page.goto(siteUrl('/'));
    expect(response?.status()).toBe(200);
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
    await expect(page.locator('h1').textContent()).resolves.toBe('微观数据用户注册申请');
    expect(await page.locator('.task-list').first().locator('a').allTextContents()).toEqual([
      '机构登记',
      '已申请机构',
      '数据使用申请',
      '数据使用变更申请',
      '申请结果查询',
      '最终成果审核与登记',
    ]);
    // Then the 一套表 tasks (seeds/004): statistics staff and agent agencies.
    expect(await page.locator('.task-list').nth(1).locator('a').allTextContents()).toEqual([
      '统计从业人员注册登记',
      '注册信息查询',
      '统计代理机构登记',
      '代理机构登记查询',
    ]);
    expect(await page.locator('.notice-list a').allTextContents()).toContain('机构登记申请须知');
    await review(page, 'home');
    await page.getByRole('link', { name: '机构登记申请须知' }).click();
    await expect(page.locator('h1').textContent()).resolves.toBe('机构登记申请须知');
    await review(page, 'notice');
    await page.close();
  });

  it('answers an unknown address with the 404 page', async () => {
    const page = await openPage(browser);
    const response = await page.goto(siteUrl('/no-such-page'));
    expect(response?.status()).toBe(404);
    await expect(page.locator('h1').textContent()).resolves.toBe('页面不存在');
    await review(page, 'not-found');
    await page.close();
  });

  it('sends its security headers on every page: CSP without inline scripts, no framing, no referrer leaks', async () => {
    for (const path of PAGES) {
      const response = await fetch(siteUrl(path));
      expect(response.status, path).toBe(200);
      const csp = response.headers.get('content-security-policy') ?? '';
      expect(csp, path).toContain("script-src 'self'");
      expect(csp, path).not.toContain('unsafe-inline');
      expect(csp, path).toContain("frame-ancestors 'none'");
      expect(response.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(response.headers.get('x-frame-options'), path).toBe('DENY');
      expect(response.headers.get('referrer-policy'), path).toBe('same-origin');
    }
  });

  it('ships under 20 KB of JavaScript per page and no framework runtime', async () => {
    const page = await openPage(browser);
    for (const path of PAGES) {
      const scripts: number[] = [];
      const onResponse = async (response: { status(): number; request(): { resourceType(): string }; body(): Promise<Buffer> }) => {
        if (response.request().resourceType() === 'script' && response.status() === 200) scripts.push((await response.body()).length);
      };
      page.on('response', onResponse);
      await page.goto(siteUrl(path), { waitUntil: 'networkidle' });
      page.off('response', onResponse);
      expect(
        scripts.reduce((a, b) => a + b, 0),
        path,
      ).toBeLessThan(20 * 1024);
      expect(await page.locator('script:not([src])').count(), path).toBe(0);
    }
    await page.close();
  });

  it('shows a friendly message in the query form when the password is wrong', async () => {
    const page = await openPage(browser);
    await page.goto(siteUrl('/query'));
    await fillByLabel(page, { 手机号码: '13000000000', 查询密码: 'AAAA-BBBB-CC' });
    await page.getByRole('button', { name: '查询' }).click();
    await expect(page.locator('#password-error').textContent()).resolves.toContain('手机号码或查询密码不正确');
    await expect(page.locator('.error-summary').textContent()).resolves.toMatch(/^[^确]*手机号码或查询密码不正确[^确]*$/);
    await expect(page.title()).resolves.toMatch(/^错误：/);
    await review(page, 'query-error');
    await page.close();
  });

  it('shows a friendly “unavailable” page, never a stack trace, when the CMS cannot be reached', async () => {
    let site: Service | undefined;
    try {
      const nowhere = `http://127.0.0.1:${await findFreePort()}`;
      const port = await findFreePort();
      site = await startSite({ port, cmsUrl: nowhere, env: { SITE_SECRET: 'test' } });
      const base = `http://127.0.0.1:${port}`;
      const response = await fetch(`${base}/`);
      expect(response.status).toBe(503);
      const html = await response.text();
      expect(html).toContain('服务暂时不可用');
      expect(html).not.toMatch(/at \w+ \(|node_modules|CmsError/);
      const page = await openPage(browser);
      await page.goto(`${base}/institutions`);
      await review(page, 'unavailable');
      await page.close();
    } finally {
      await site?.stop();
    }
  });
});
