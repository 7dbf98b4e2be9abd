import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validStatistician } from '../integration/support/fixtures.ts';
import { expectNoAdminProblems } from './support/admin-problems.ts';
import { launchBrowser, saveScreenshot } from './support/browser.ts';
import { cmsUrl, signInToAdmin } from './support/journey.ts';
import { inviteStaff } from './support/staff.ts';

const JINJIANG = { email: 'jinjiang.county@e2e.example', password: 'County-2026-e2e' };
const NEWCOMER = { email: 'newcomer.county@e2e.example', password: 'County-2026-e2e' };
// Both registered in 锦江区 (510104, digits 3–8 of the codes), the county officer's region.
const UNITS = [
  { code: '91510104MA0000801U', name: '成都甲制造有限公司', role: 'comprehensive' },
  { code: '91510104MA0000802Y', name: '成都乙商贸', role: 'specialised' },
];
const STATISTICIANS = cmsUrl('/admin/content-manager/collection-types/api::statistician.statistician');

async function registerStatistician(): Promise<string> {
  const response = await fetch(cmsUrl('/api/public/statisticians'), {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': '198.51.100.23' },
    body: JSON.stringify(validStatistician({ idNumber: '510104198507150014', serviceUnits: UNITS })),
  });
  const body = (await response.json()) as { registrationNo?: string };
  if (!body.registrationNo) throw new Error(`registration refused: ${response.status} ${JSON.stringify(body)}`);
  return body.registrationNo;
}

/** Each step waits on the admin's pages and saves; a slow build machine needs minutes, not the default one. */
const SLOW = 240_000;

const choose = async (page: Page, label: string, option: string | RegExp) => {
  await page.getByRole('combobox', { name: label }).click();
  await page.getByRole('option', { name: option }).click();
};

describe('a county bureau keeps statisticians’ registrations in forms, in its own region (seeds/004 §十二)', () => {
  let browser: Browser;
  let registrationNo = '';
  beforeAll(async () => {
    browser = await launchBrowser();
    await inviteStaff('County bureau', { ...JINJIANG, firstname: '科员', lastname: '锦江' });
    await inviteStaff('County bureau', { ...NEWCOMER, firstname: '科员', lastname: '新来' });
    registrationNo = await registerStatistician();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it(
    'assigns a 辖区 by choosing the account and then the 市州 and 县区 from lists',
    async () => {
      const page = await signInToAdmin(browser);
      await page.goto(cmsUrl('/admin/content-manager/collection-types/api::jurisdiction.jurisdiction/create'));
      await choose(page, '管理员账号', new RegExp(JINJIANG.email.replace('.', '\\.')));
      await choose(page, '市州', '成都市');
      await choose(page, '县区', '锦江区');
      await saveScreenshot(page, 'admin-jurisdiction-form');
      await page.getByRole('button', { name: '保存' }).click();
      await page.goto(cmsUrl('/admin/content-manager/collection-types/api::jurisdiction.jurisdiction'));
      const row = page.locator('tbody tr', { hasText: JINJIANG.email });
      await expect(row.textContent({ timeout: 20_000 })).resolves.toContain('成都市 锦江区');
      await saveScreenshot(page, 'admin-jurisdictions');
      expectNoAdminProblems(page, 'system administrator');
      await page.close();
    },
    SLOW,
  );

  it(
    'edits a service unit as labelled fields, names the change in words, and lists the registration as 有效',
    async () => {
      const page = await signInToAdmin(browser, JINJIANG);
      await page.goto(`${STATISTICIANS}?_q=${registrationNo}`);
      const listed = page.locator('tbody tr', { hasText: registrationNo });
      await expect(listed.getByTestId('registration-status').textContent({ timeout: 20_000 })).resolves.toBe('有效');
      await listed.getByText(registrationNo).click();

      const units = page.getByTestId('service-units');
      const second = units.locator('[data-row="2"]');
      await second.getByLabel('单位名称').waitFor({ timeout: 20_000 });
      await expect(units.locator('[data-row="1"]').getByRole('combobox', { name: '承担的工作' }).textContent()).resolves.toContain(
        '综合统计',
      );
      await expect(page.getByText('"role"').count()).resolves.toBe(0);
      await second.getByLabel('单位名称').fill('成都乙商贸有限公司');
      await page.getByRole('button', { name: '保存' }).click();
      const history = page.getByTestId('bureau-history');
      await history.getByText('统计服务单位 2 的单位名称：成都乙商贸 → 成都乙商贸有限公司').waitFor({ timeout: 15_000 });
      await saveScreenshot(page, 'admin-statistician-service-units');

      expectNoAdminProblems(page, 'county bureau');
      await page.close();
    },
    SLOW,
  );

  it(
    'removes a registration with 注销 and its reason, then lists it as 已注销 and offers no 保存 on it',
    async () => {
      const page = await signInToAdmin(browser, JINJIANG);
      await page.goto(`${STATISTICIANS}?_q=${registrationNo}`);
      await page.locator('tbody tr', { hasText: registrationNo }).getByText(registrationNo).click({ timeout: 20_000 });
      // 注销 ends a registration for good: it waits in the panel's 更多文档操作 menu, not beside 保存.
      await page.getByRole('button', { name: '更多文档操作', exact: true }).click({ timeout: 20_000 });
      await page.getByRole('menuitem', { name: '注销', exact: true }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel('理由').fill('本人已离职，单位申请注销');
      await dialog.getByRole('button', { name: '确认注销' }).click();
      // The decision reloads the record: on a busy machine that takes longer than a click.
      await expect(page.getByTestId('registration-read-only').textContent({ timeout: 60_000 })).resolves.toBe('该注册已注销，不能修改');
      await page.getByTestId('bureau-history').getByText('本人已离职，单位申请注销').waitFor({ timeout: 15_000 });
      await expect(page.getByRole('button', { name: '保存', exact: true }).count()).resolves.toBe(0);
      await saveScreenshot(page, 'admin-statistician-removed');

      await page.goto(`${STATISTICIANS}?_q=${registrationNo}`);
      const listed = page.locator('tbody tr', { hasText: registrationNo });
      await expect(listed.getByTestId('registration-status').textContent({ timeout: 20_000 })).resolves.toBe('已注销');
      expectNoAdminProblems(page, 'county bureau removing a registration');
      await page.close();
    },
    SLOW,
  );

  it(
    'tells a county officer without a 辖区 to ask the system administrator',
    async () => {
      const page = await signInToAdmin(browser, NEWCOMER);
      await page.goto(cmsUrl('/admin/content-manager/collection-types/api::agency.agency'));
      const notice = page.getByTestId('jurisdiction-unassigned');
      await expect(notice.textContent({ timeout: 20_000 })).resolves.toContain('尚未分配辖区，请联系系统管理员');
      await saveScreenshot(page, 'admin-jurisdiction-unassigned');
      expectNoAdminProblems(page, 'unassigned county bureau');
      await page.close();
    },
    SLOW,
  );
});
