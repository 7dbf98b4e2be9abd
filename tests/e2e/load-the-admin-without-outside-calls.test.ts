import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from './support/browser.ts';
import { cmsUrl, openPage } from './support/journey.ts';

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** A government network: the admin panel makes no request to any host but the CMS's own. */
describe('the admin panel in a closed network', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('signs in and shows its pages without calling any outside host (release check, telemetry, AI)', async () => {
    const page = await openPage(browser, { locale: 'zh-CN', viewport: { width: 1440, height: 900 } });
    const outside: string[] = [];
    page.context().on('request', (request) => {
      const url = new URL(request.url());
      if (['http:', 'https:', 'ws:', 'wss:'].includes(url.protocol) && !LOOPBACK.has(url.hostname)) outside.push(request.url());
    });
    await page.goto(cmsUrl('/admin/auth/login'));
    await page.locator('input[name="email"]').fill(inject('adminEmail'));
    await page.locator('input[name="password"]').fill(inject('adminPassword'));
    await page.locator('button[type="submit"]').click();
    await page.waitForURL(/\/admin\/?$/);
    for (const path of ['/admin', '/admin/content-manager', '/admin/plugins/upload', '/admin/settings']) {
      await page.goto(cmsUrl(path));
      // Not 'networkidle': a call to a host this network cannot reach may hang; its request is recorded at once.
      await page.waitForTimeout(2000);
    }
    expect(outside).toEqual([]);
  });
});
