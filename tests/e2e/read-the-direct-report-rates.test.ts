import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminRoleCode } from '../../config/src/admin/roles.ts';
import { computeCreditCodeCheckChar } from '../../config/src/validators/credit-code.ts';
import { expectNoAdminProblems, watchAdmin } from './support/admin-problems.ts';
import { launchBrowser, saveScreenshot } from './support/browser.ts';
import { cmsUrl, signInToAdmin } from './support/journey.ts';
import { superAdminJwt } from './support/staff.ts';

/** The table of enterprises' explanations (the page also lists the shared addresses). */
const enterpriseTable = (page: Page) => page.locator('table', { hasText: '管理员账号登录' });

/** Clicks an export button and waits for the browser's download: its suggested name and bytes. */
async function downloadFrom(page: Page, button: string): Promise<{ name: string; bytes: Buffer }> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
  return { name: download.suggestedFilename(), bytes: await readFile(await download.path()) };
}

/** A GB 32100-valid credit code: the API refuses a wrong check character. */
const code = (n: number) => {
  const body = `91510100MA${String(n).padStart(7, '0')}`;
  return body + computeCreditCodeCheckChar(body);
};

const CITY_OFFICER = { email: 'li.chengdu@e2e.example', password: 'Chengdu-2027-e2e' };
const STAFF_ACCOUNT = 'chengdu-zonghe-01';
const FLAG_IN_WORDS = '初始直报率比末次高 5 个百分点以上：可能有他人用企业账号登录';

async function call<T>(path: string, token: string, method = 'GET', body?: unknown): Promise<T> {
  const response = await fetch(cmsUrl(path), {
    method,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

/** 成都市's bureau officer: invited with the 市州统计局 role, registered, and given 成都 in 辖区分配. */
async function arrangeCityOfficer(jwt: string): Promise<void> {
  const roles = await call<{ data: Array<{ id: number; code: string }> }>('/admin/roles', jwt);
  const role = roles.data.find((r) => r.code === adminRoleCode('City bureau'));
  const invited = await call<{ data: { registrationToken: string } }>('/admin/users', jwt, 'POST', {
    firstname: '市州',
    lastname: '李',
    email: CITY_OFFICER.email,
    roles: [role?.id],
  });
  await call('/admin/register', jwt, 'POST', {
    registrationToken: invited.data.registrationToken,
    userInfo: { firstname: '市州', lastname: '李', password: CITY_OFFICER.password },
  });
  await call('/content-manager/collection-types/api::jurisdiction.jurisdiction', jwt, 'POST', {
    adminEmail: CITY_OFFICER.email,
    regionCode: '510100',
  });
}

/**
 * A period with enterprises in two 市州 and their logins, as the platform and the bureau would
 * enter them. Six enterprises, four of them in 成都 and two in 自贡, are last seen on one machine:
 * both initial rates are well above the final ones (seeds/004 §五). 成都's county staff open 看板企业7's data with
 * their own 综合管理员 account (§八).
 */
async function arrangeReport(jwt: string): Promise<void> {
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
  // All but 看板企业7 (青羊区) log in from their own offices.
  const logins = enterprises
    .filter((_, i) => i !== 7)
    .map((e, i) => ({
      account: `${e.code}-1`,
      enterpriseCode: e.code,
      accountKind: 'enterprise',
      ip: `10.20.0.${i + 1}`,
      at: '2027-02-03T09:00:00+08:00',
    }));
  const lastSeenTogether = enterprises.slice(0, 6).map((e) => ({
    account: `${e.code}-1`,
    enterpriseCode: e.code,
    accountKind: 'enterprise',
    ip: '10.20.9.9',
    at: '2027-02-08T16:00:00+08:00',
  }));
  const byStaff = {
    account: STAFF_ACCOUNT,
    enterpriseCode: code(907),
    accountKind: 'admin',
    ip: '10.30.0.1',
    at: '2027-02-05T10:00:00+08:00',
  };
  await call('/api/direct-report/login-events', data.accessKey, 'POST', [...logins, ...lastSeenTogether, byStaff]);
  // The machine they are last seen on is the statistics office's (seeds/004 §六).
  await call('/api/direct-report/operator-addresses', data.accessKey, 'PUT', [
    { network: '10.20.9.9', label: '看板市统计局', cause: 'bureau_office' },
  ]);
}

describe('the bureau reads the direct-reporting rates in the admin', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
    const jwt = await superAdminJwt();
    await arrangeReport(jwt);
    await arrangeCityOfficer(jwt);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('shows the rates per 市州 as a chart, and drills to a 市州’s 县区 and each enterprise’s explanation', async () => {
    const page = await signInToAdmin(browser);

    await page.getByRole('link', { name: '一套表直报率', exact: true }).click();
    await expect(page.getByRole('heading', { name: '各市州' }).textContent({ timeout: 20_000 })).resolves.toBe('各市州');
    await expect(page.getByText('合计：应报 9 家').isVisible()).resolves.toBe(true);
    // Two 市州, two bars each (initial and final), drawn by the chart library.
    await expect(page.locator('.recharts-bar-rectangle').count()).resolves.toBe(4);
    // Who is behind the shared machine, and for how many of each 市州's enterprises.
    const chengdu = page.locator('tr', { has: page.getByRole('button', { name: '查看成都市' }) });
    await expect(chengdu.textContent()).resolves.toContain('统计局用企业账号登录：4 家');
    await expect(page.getByText('统计局：看板市统计局（10.20.9.9）').isVisible()).resolves.toBe(true);
    await saveScreenshot(page, 'admin-direct-report');

    await page.getByRole('button', { name: '查看成都市' }).click();
    await expect(page.getByRole('heading', { name: '成都市各县区' }).textContent({ timeout: 15_000 })).resolves.toBe('成都市各县区');
    await page.getByRole('button', { name: '查看青羊区' }).click();
    // Three enterprises in 青羊区; the one that never logged in says so.
    await page.getByRole('heading', { name: '企业明细：青羊区（共 3 家）' }).waitFor({ timeout: 15_000 });
    await expect(enterpriseTable(page).textContent()).resolves.toContain('本网报期未登录平台');
    await saveScreenshot(page, 'admin-direct-report-county');
    expectNoAdminProblems(page, 'bureau');
    await page.close();
  });
  it('lets a city officer read 成都 only, with the flags in words and the staff who opened an enterprise, and download both files', async () => {
    // An officer's home shows the agency queue, never the review desk's figures (a 403 would fail the test).
    const page = await signInToAdmin(browser, CITY_OFFICER);

    await page.getByRole('link', { name: '一套表直报率', exact: true }).click();
    await page.getByRole('heading', { name: '各市州' }).waitFor({ timeout: 20_000 });
    // 成都's six enterprises only, and 自贡 nowhere.
    await expect(page.getByText('合计：应报 6 家').isVisible()).resolves.toBe(true);
    await expect(page.getByRole('button', { name: '查看自贡市' }).count()).resolves.toBe(0);
    await expect(page.getByText(FLAG_IN_WORDS).isVisible()).resolves.toBe(true);
    await saveScreenshot(page, 'admin-direct-report-city-officer');

    await page.getByRole('button', { name: '查看成都市' }).click();
    await page.getByRole('button', { name: '查看青羊区' }).click();
    await page.getByRole('heading', { name: '企业明细：青羊区（共 3 家）' }).waitFor({ timeout: 15_000 });
    await expect(enterpriseTable(page).textContent()).resolves.toContain(STAFF_ACCOUNT);
    await enterpriseTable(page).scrollIntoViewIfNeeded();
    await saveScreenshot(page, 'admin-direct-report-city-officer-county');

    const xlsx = await downloadFrom(page, '导出 Excel');
    expect(xlsx.name).toBe('direct-report-2027-01-510105.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Uint8Array.from(xlsx.bytes).buffer);
    expect(workbook.getWorksheet('企业明细')?.getColumn(1).values.slice(2)).toEqual([code(901), code(904), code(907)]);
    const csv = await downloadFrom(page, '导出 CSV');
    expect(csv.name).toBe('direct-report-2027-01-510105.csv');
    const lines = csv.bytes
      .toString('utf8')
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines).toHaveLength(4);
    expect(lines[3]).toContain(STAFF_ACCOUNT);
    expectNoAdminProblems(page, 'city officer');
    await page.close();
  });

  it('closes the period (收口) and re-opens it with a reason, which the page records', async () => {
    const page = await signInToAdmin(browser);
    await page.getByRole('link', { name: '一套表直报率', exact: true }).click();
    const panel = page.getByTestId('period-closing');
    await expect(panel.textContent({ timeout: 20_000 })).resolves.toContain('进行中');

    await panel.getByRole('button', { name: '收口' }).click();
    const dialog = page.getByRole('dialog');
    await expect(dialog.textContent()).resolves.toContain('以后企业名录或登录记录变化都不再影响它');
    // 2027-01's window ends on 2027-02-11: closing now is allowed, with the warning.
    await expect(dialog.getByTestId('early-closing').textContent()).resolves.toBe(
      '注意：网报期 2027-01 的报送到 2027年2月11日 00:00 才截止。现在收口，截止前还会发生的登录都不再计入直报率。',
    );
    await dialog.getByRole('button', { name: '收口' }).click();
    await panel.getByText(/^已于 .+ 收口（/).waitFor({ timeout: 15_000 });
    await expect(page.getByText('合计：应报 9 家').isVisible()).resolves.toBe(true);
    // The period list loads again after closing: wait for it rather than read it once.
    await expect
      .poll(() => page.getByRole('combobox', { name: '网报期' }).textContent(), { timeout: 15_000 })
      .toContain('2027-01（已收口）');
    await saveScreenshot(page, 'admin-direct-report-closed');

    await panel.getByRole('button', { name: '重新打开' }).click();
    // Sent without a reason on purpose: the 400 is the message beside the field.
    watchAdmin(page).expect({ method: 'POST', path: /\/direct-report\/periods\/2027-01\/reopen$/, status: 400 });
    await dialog.getByRole('button', { name: '重新打开' }).click();
    await dialog.getByText('请填写重新打开的原因').waitFor({ timeout: 10_000 });
    await dialog.getByRole('textbox', { name: '重新打开的原因' }).fill('平台补发了 2 月 3 日的登录记录');
    await dialog.getByRole('button', { name: '重新打开' }).click();
    await panel.getByText('进行中').waitFor({ timeout: 15_000 });
    // The 收口记录 loads again after re-opening: wait for the new line.
    await panel.getByText(/重新打开（.+）：平台补发了 2 月 3 日的登录记录/).waitFor({ timeout: 15_000 });
    await expect(panel.textContent()).resolves.toMatch(/收口（.+）[\s\S]*重新打开（/);
    expectNoAdminProblems(page, 'closing');
    await page.close();
    // Two dialogs and four reports: more steps than the default minute allows on a busy machine.
  }, 120_000);
});
