import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { contentTypeFieldLabels } from '../../config/src/admin/field-labels.ts';
import { expectNoAdminProblems, watchAdmin } from './support/admin-problems.ts';
import { launchBrowser, saveScreenshot } from './support/browser.ts';
import { cmsUrl, openPage } from './support/journey.ts';

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);
const TITLE = '统计数据服务平台 管理后台';

/** Our collection types (a single type has no list), by their schema.json. */
const collectionTypes = Object.keys(contentTypeFieldLabels).filter((uid) => {
  const name = /^api::([^.]+)\./.exec(uid)?.[1];
  if (!name) return false;
  const schema = join(import.meta.dirname, '../../cms/src/api', name, 'content-types', name, 'schema.json');
  return JSON.parse(readFileSync(schema, 'utf8')).kind === 'collectionType';
});

async function signIn(page: Page, password = inject('adminPassword')): Promise<void> {
  await page.locator('input[name="email"]').fill(inject('adminEmail'));
  await page.locator('input[name="password"]').fill(password);
  await page.locator('button[type="submit"]').click();
}

/** A government network: the admin panel makes no request to any host but the CMS's own. */
describe('the admin panel in a closed network', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('greets a new user in 简体中文 under the platform’s name, with no other language to choose', async () => {
    // A browser that asks for English first: the admin speaks Chinese all the same.
    const page = await openPage(browser, { locale: 'en-US', viewport: { width: 1440, height: 900 } });
    watchAdmin(page);
    await page.goto(cmsUrl('/admin/auth/login'));
    // The admin bundle takes its time to start on a busy machine.
    await page.getByRole('heading', { name: TITLE }).waitFor({ timeout: 45_000 });
    await expect(page.title()).resolves.toContain(TITLE);
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('zh-Hans');
    await expect(page.locator('body').textContent()).resolves.not.toMatch(/Strapi|Welcome/);
    // Our logo (the site's icon), whether Vite inlined it as a data: URL or emitted a file.
    const logo = (await page.locator('main img').first().getAttribute('src')) ?? '';
    const svg = logo.startsWith('data:') ? decodeURIComponent(logo) : await (await page.request.get(new URL(logo, page.url()).href)).text();
    expect(svg).toContain('统计数据服务平台');
    await page.getByRole('combobox').click();
    await expect(page.getByRole('option').allTextContents()).resolves.toEqual(['中文 (简体)']);
    await page.keyboard.press('Escape');
    await saveScreenshot(page, 'admin-sign-in');

    // The wrong password is refused on purpose (400); nothing else may fail.
    watchAdmin(page).expect({ method: 'POST', path: /^\/admin\/login$/, status: 400 });
    await signIn(page, 'Not-The-Password-1');
    await page.getByText('邮箱或密码不正确').waitFor({ timeout: 10_000 });
    expectNoAdminProblems(page, 'sign-in page');
    await page.close();
  }, 120_000);

  it('signs in and shows its pages in Chinese, without calling any outside host or failing a call of its own', async () => {
    const page = await openPage(browser, { locale: 'zh-CN', viewport: { width: 1440, height: 900 } });
    watchAdmin(page);
    const outside: string[] = [];
    page.context().on('request', (request) => {
      const url = new URL(request.url());
      if (['http:', 'https:', 'ws:', 'wss:'].includes(url.protocol) && !LOOPBACK.has(url.hostname)) outside.push(request.url());
    });
    await page.goto(cmsUrl('/admin/auth/login'));
    await signIn(page);
    await page.waitForURL(/\/admin\/?$/);
    await expect(page.getByRole('navigation').first().textContent()).resolves.toContain('内容管理');
    for (const path of ['/admin', '/admin/content-manager', '/admin/plugins/upload', '/admin/settings', '/admin/me']) {
      await page.goto(cmsUrl(path));
      // Not 'networkidle': a call to a host this network cannot reach may hang; its request is recorded at once.
      await page.waitForTimeout(2000);
      // No guided tour, no "Introducing the new Media Library", no release notice.
      await expect(page.locator('body').textContent(), path).resolves.not.toMatch(
        /Introducing|Discover your application|guided tour|New version/i,
      );
    }
    await page.goto(cmsUrl('/admin'));
    await page.getByRole('heading', { level: 1 }).waitFor({ timeout: 45_000 });
    await expect(page.locator('#main-content').textContent()).resolves.not.toMatch(/Strapi|Welcome|Hello/);
    // The super admin's role by its zh-CN name, and no Marketplace (a shop on market.strapi.io).
    // The home's widgets load one by one ("正在加载小组件内容"): wait for the profile's, not read once.
    await page.locator('#main-content').getByText('系统管理员').first().waitFor({ timeout: 30_000 });
    await expect(page.getByRole('navigation').first().textContent()).resolves.not.toContain('市场');
    await saveScreenshot(page, 'admin-home-super-admin');
    await expect(page.title()).resolves.toContain(TITLE);
    expect(outside).toEqual([]);
    expectNoAdminProblems(page, 'admin pages');
    await page.close();
  }, 180_000);

  it('heads every content type’s list with zh-CN column names, not the fields’ code names', async () => {
    const page = await openPage(browser, { locale: 'zh-CN', viewport: { width: 1440, height: 900 } });
    watchAdmin(page);
    await page.goto(cmsUrl('/admin/auth/login'));
    await signIn(page);
    await page.waitForURL(/\/admin\/?$/);
    const listed: string[] = [];
    for (const uid of collectionTypes) {
      await page.goto(cmsUrl(`/admin/content-manager/collection-types/${uid}`));
      const headers = page.locator('thead th');
      // An empty list shows no table, only Strapi's 找不到内容.
      await headers.first().or(page.getByText('找不到内容')).waitFor({ timeout: 30_000 });
      if ((await headers.count()) === 0) continue;
      // Code names are lower camel case (storageKey); ours are Chinese, or ID.
      await expect(headers.allTextContents(), uid).resolves.not.toContainEqual(expect.stringMatching(/[a-z]{2,}/));
      listed.push(uid);
      if (uid === 'api::dataset.dataset') await saveScreenshot(page, 'admin-list-datasets');
    }
    // The seeded catalogue and notices at least.
    expect(listed).toEqual(expect.arrayContaining(['api::dataset.dataset', 'api::notice.notice']));
    expectNoAdminProblems(page, 'list views');
    await page.close();
  }, 420_000);
});
