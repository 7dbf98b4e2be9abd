import pg from 'pg';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { sampleAnswers } from '../../config/src/fields/sample.ts';
import { forms } from '../../config/src/forms/index.ts';
import { findFreePort } from '../../scripts/lib/ports.ts';
import type { Service } from '../../scripts/lib/processes.ts';
import { generateSecrets } from '../../scripts/lib/secrets.ts';
import { makeTempStrapiDirs, startCms, startSite } from '../../scripts/lib/stack.ts';
import { launchBrowser, saveScreenshot } from './support/browser.ts';
import { fillByLabel, openPage, review } from './support/journey.ts';

const PDF_UNAVAILABLE = '打印版申请表（PDF）暂时无法生成，请先使用网页版申请表打印。';
const PHONE = '13600000503';

/**
 * A server where `npm start` could not install Chromium: its own Strapi (CHROMIUM_PATH names
 * nothing) and site, on the journeys' database. The applicant gets a page that offers the HTML
 * form instead of the generic error page; the reviewer is told why in the admin.
 */
describe('printing a form on a server without Chromium', () => {
  let browser: Browser;
  const services: Service[] = [];
  const dirs = makeTempStrapiDirs();
  let cmsUrl: string;
  let siteUrl: string;
  let applicationNo: string;
  let queryPassword: string;

  beforeAll(async () => {
    browser = await launchBrowser();
    const env = { ...process.env, ...generateSecrets(), ...dirs.env, DATABASE_URL: inject('databaseUrl') };
    const cmsPort = await findFreePort();
    services.push(await startCms({ port: cmsPort, env: { ...env, CHROMIUM_PATH: '/nonexistent/chromium' } }));
    cmsUrl = `http://127.0.0.1:${cmsPort}`;
    const sitePort = await findFreePort();
    services.push(await startSite({ port: sitePort, cmsUrl, env }));
    siteUrl = `http://127.0.0.1:${sitePort}`;
    const submitted = await fetch(`${cmsUrl}/api/public/institutions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        ...sampleAnswers(forms.institution),
        fullName: '无浏览器测试研究院',
        creditCode: '12110000MB00009048',
        contactPhone: PHONE,
      }),
    });
    expect(submitted.status).toBe(201);
    ({ applicationNo, queryPassword } = (await submitted.json()) as { applicationNo: string; queryPassword: string });
  });
  afterAll(async () => {
    await browser?.close();
    for (const service of services.reverse()) await service.stop();
    dirs.remove();
  });

  it('shows the applicant, from 导出申请表 on the query page, a 503 page with the message and the HTML form', async () => {
    const page = await openPage(browser);
    await page.goto(`${siteUrl}/query`);
    await fillByLabel(page, { 手机号码: PHONE, 查询密码: queryPassword });
    await page.getByRole('button', { name: '查询' }).click();
    const [answer] = await Promise.all([
      page.waitForResponse((response) => response.url().endsWith(`/records/${applicationNo}/form.pdf`)),
      page.getByRole('link', { name: `导出申请表 ${applicationNo}` }).click(),
    ]);
    expect(answer.status()).toBe(503);
    await expect(page.locator('h1').textContent()).resolves.toBe('打印版申请表暂时无法生成');
    await expect(page.locator('#pdf-unavailable').textContent()).resolves.toBe(PDF_UNAVAILABLE);
    await review(page, 'pdf-unavailable');

    await page.getByRole('link', { name: '查看网页版申请表' }).click();
    await page.waitForURL(`${siteUrl}/records/${applicationNo}/form.html`);
    await expect(page.content()).resolves.toContain('微观数据开发应用机构登记表');
    await page.close();
  });

  it('shows the reviewer why under 打印版申请表 in the record’s panel, and closes the blank tab', async () => {
    const client = new pg.Client({ connectionString: inject('databaseUrl') });
    await client.connect();
    const { rows } = await client.query<{ id: string }>('select document_id as id from institutions where record_no = $1', [applicationNo]);
    await client.end();

    const page = await openPage(browser, { locale: 'zh-CN', viewport: { width: 1440, height: 900 } });
    await page.goto(`${cmsUrl}/admin/auth/login`);
    await page.locator('input[name="email"]').fill(inject('adminEmail'));
    await page.locator('input[name="password"]').fill(inject('adminPassword'));
    await page.locator('button[type="submit"]').click();
    await page.waitForURL(/\/admin\/?$/);
    await page.goto(`${cmsUrl}/admin/content-manager/collection-types/api::institution.institution/${rows[0]?.id}`);
    // The admin bundle loads slowly on a busy machine; the panel shows the status once it has the record.
    await page.getByTestId('review-status').waitFor({ timeout: 60_000 });

    const [blank] = await Promise.all([page.waitForEvent('popup'), page.getByRole('button', { name: '打印版申请表（PDF）' }).click()]);
    await expect(page.getByRole('alert').filter({ hasText: '打印版申请表' }).textContent({ timeout: 15_000 })).resolves.toBe(
      '打印版申请表（PDF）暂时无法生成：服务器上没有 Chromium 浏览器（/nonexistent/chromium）。请联系系统管理员。',
    );
    if (!blank.isClosed()) await blank.waitForEvent('close', { timeout: 5_000 });
    await saveScreenshot(page, 'admin-pdf-unavailable');
    await page.close();
  });
});
