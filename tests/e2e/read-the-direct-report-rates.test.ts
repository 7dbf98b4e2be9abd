import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { computeCreditCodeCheckChar } from '../../config/src/validators/credit-code.ts';
import { expectNoAdminProblems } from './support/admin-problems.ts';
import { launchBrowser, saveScreenshot } from './support/browser.ts';
import { cmsUrl, signInToAdmin } from './support/journey.ts';

/** A GB 32100-valid credit code: the API refuses a wrong check character. */
const code = (n: number) => {
  const body = `91510100MA${String(n).padStart(7, '0')}`;
  return body + computeCreditCodeCheckChar(body);
};

async function call<T>(path: string, token: string, method = 'GET', body?: unknown): Promise<T> {
  const response = await fetch(cmsUrl(path), {
    method,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

/** A period with enterprises in two 市州 and their logins, as the platform and the bureau would enter them. */
async function arrangeReport(): Promise<void> {
  const login = await fetch(cmsUrl('/admin/login'), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: inject('adminEmail'), password: inject('adminPassword') }),
  });
  const jwt = ((await login.json()) as { data: { token: string } }).data.token;
  await call('/content-manager/collection-types/api::reporting-period.reporting-period', jwt, 'POST', {
    code: '2027-01',
    type: 'monthly',
    opensAt: '2027-02-01T00:00:00+08:00',
    closesAt: '2027-02-11T00:00:00+08:00',
  });
  const { data } = await call<{ data: { accessKey: string } }>('/admin/api-tokens', jwt, 'POST', {
    name: 'dashboard-e2e',
    type: 'full-access',
    lifespan: null,
    description: '',
  });
  const places = [
    ['510104', '锦江区', '510100', '成都市'],
    ['510105', '青羊区', '510100', '成都市'],
    ['510302', '自流井区', '510300', '自贡市'],
  ] as const;
  const enterprises = Array.from({ length: 9 }, (_, i) => {
    const [countyCode, countyName, cityCode, cityName] = places[i % 3] as (typeof places)[number];
    return { code: code(900 + i), name: `看板企业${i}`, cityCode, cityName, countyCode, countyName, category: 'industry', active: true };
  });
  await call('/api/direct-report/enterprises', data.accessKey, 'PUT', enterprises);
  // All but the last two log in from their own offices.
  const logins = enterprises.slice(0, 7).map((e, i) => ({
    account: `${e.code}-1`,
    enterpriseCode: e.code,
    accountKind: 'enterprise',
    ip: `10.20.0.${i + 1}`,
    at: '2027-02-03T09:00:00+08:00',
  }));
  await call('/api/direct-report/login-events', data.accessKey, 'POST', logins);
}

describe('the bureau reads the direct-reporting rates in the admin', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
    await arrangeReport();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('shows the rates per 市州 as a chart, and drills to a 市州’s 县区 and each enterprise’s explanation', async () => {
    const page = await signInToAdmin(browser);

    await page.getByRole('link', { name: '一套表直报率', exact: true }).click();
    await expect(page.getByRole('heading', { name: '各市州' }).textContent({ timeout: 20_000 })).resolves.toBe('各市州');
    await expect(page.getByText('全省：应报 9 家').isVisible()).resolves.toBe(true);
    // Two 市州, two bars each (initial and final), drawn by the chart library.
    await expect(page.locator('.recharts-bar-rectangle').count()).resolves.toBe(4);
    await saveScreenshot(page, 'admin-direct-report');

    await page.getByRole('button', { name: '查看成都市' }).click();
    await expect(page.getByRole('heading', { name: '成都市各县区' }).textContent({ timeout: 15_000 })).resolves.toBe('成都市各县区');
    await page.getByRole('button', { name: '查看青羊区' }).click();
    // Three enterprises in 青羊区; the one that never logged in says so.
    await page.getByRole('heading', { name: '企业明细：青羊区（共 3 家）' }).waitFor({ timeout: 15_000 });
    await expect(page.locator('tbody').last().textContent()).resolves.toContain('本网报期未登录平台');
    await saveScreenshot(page, 'admin-direct-report-county');
    expectNoAdminProblems(page, 'bureau');
    await page.close();
  });
});
