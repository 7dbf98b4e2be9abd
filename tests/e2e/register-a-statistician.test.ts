import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoAdminProblems, watchAdmin } from './support/admin-problems.ts';
import { launchBrowser, saveScreenshot } from './support/browser.ts';
import { cmsUrl, fillByLabel, openPage, review, signInToAdmin, siteUrl } from './support/journey.ts';

const UNITS = [
  { code: '91510104MA0000801U', name: '成都甲制造有限公司', role: '综合统计' },
  { code: '91510104MA0000802Y', name: '成都乙商贸有限公司', role: '专业统计' },
  { code: '91510104MA00008032', name: '成都丙房地产开发有限公司', role: '专业统计' },
];

/** The row-th service unit's fieldset (0-based): every row has the same labels. */
const row = (page: Page, i: number) => page.locator('[data-row]').nth(i);

async function fillUnit(page: Page, i: number, unit: { code: string; name: string; role: string }) {
  await row(page, i).getByLabel('统一社会信用代码').fill(unit.code);
  await row(page, i).getByLabel('单位名称').fill(unit.name);
  await row(page, i).getByLabel(unit.role).check();
}

describe('registering as a statistician with three service units', () => {
  let browser: Browser;
  const registered: string[] = [];
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  for (const [javaScriptEnabled, idNumber] of [
    [true, '51010719900101123X'],
    [false, '510302198812124566'],
  ] as const) {
    it(`adds and removes rows, shows a row's error on that row, and looks the registration up, with JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, async () => {
      const page = await openPage(browser, { javaScriptEnabled, locale: 'zh-CN' });
      await page.goto(siteUrl('/'));
      await page.getByRole('link', { name: '统计从业人员注册登记' }).click();
      await expect(page.locator('h1').textContent()).resolves.toBe('统计从业人员注册登记');
      await fillByLabel(page, {
        姓名: javaScriptEnabled ? '张伟' : '李娜',
        身份证号码: idNumber,
        手机号码: '13800138000',
        学历: '本科',
        '统计专业技术资格/职称': '统计师',
        工作单位: '成都甲制造有限公司',
      });
      await page.getByLabel('本人注册').check();
      // The only row has no 删除: it could not be removed (with JavaScript or without).
      await expect(row(page, 0).getByRole('button', { name: '删除统计服务单位 1' }).isVisible()).resolves.toBe(false);

      // Four rows, then the fourth removed: three remain, each keeping what was typed in it.
      await fillUnit(page, 0, UNITS[0] as (typeof UNITS)[0]);
      if (!javaScriptEnabled) {
        // A stale page (or one whose styles did not load) still offers 删除 on the only row: the
        // server keeps the row and says why, next to the rows, keeping what was typed.
        await row(page, 0)
          .locator('[data-remove-row]')
          .evaluate((button) => {
            (button as HTMLButtonElement).hidden = false;
          });
        await row(page, 0).getByRole('button', { name: '删除统计服务单位 1' }).click();
        await expect(page.locator('#serviceUnits-error').textContent()).resolves.toContain(
          '至少需要1个统计服务单位，不能删除唯一的一个；如需更换，请直接修改其内容',
        );
        await expect(row(page, 0).getByLabel('单位名称').inputValue()).resolves.toBe(UNITS[0]?.name);
      }
      for (const i of [1, 2, 3]) {
        await page.getByRole('button', { name: '添加一个统计服务单位' }).click();
        await expect(page.locator('[data-row]').count()).resolves.toBe(i + 1);
      }
      await fillUnit(page, 1, UNITS[1] as (typeof UNITS)[0]);
      // The third row repeats the first unit's code: the message belongs to that row.
      await fillUnit(page, 2, { ...(UNITS[2] as (typeof UNITS)[0]), code: UNITS[0]?.code ?? '' });
      await row(page, 3).getByRole('button', { name: '删除统计服务单位 4' }).click();
      await expect(page.locator('[data-row]').count()).resolves.toBe(3);
      await expect(row(page, 1).getByLabel('单位名称').inputValue()).resolves.toBe(UNITS[1]?.name);
      await row(page, 1).getByLabel('单位名称').fill('');

      await page.getByRole('button', { name: '继续', exact: true }).click();
      // The summary names the row of a cell's message, as the row's legend does.
      const summary = await page.locator('.error-summary li').allTextContents();
      expect(summary.sort()).toEqual(['统计服务单位 2：请输入单位名称', `统计服务单位 ${UNITS[0]?.code} 重复填写`].sort());
      await row(page, 1)
        .getByLabel('单位名称')
        .fill(UNITS[1]?.name ?? '');
      await expect(row(page, 2).locator('.question__error').textContent()).resolves.toContain('重复填写');
      await expect(row(page, 2).getByLabel('单位名称').inputValue()).resolves.toBe(UNITS[2]?.name);
      if (javaScriptEnabled) await review(page, 'statistician-row-error');

      await row(page, 2)
        .getByLabel('统一社会信用代码')
        .fill(UNITS[2]?.code ?? '');
      await page.getByRole('button', { name: '继续', exact: true }).click();
      await expect(page.locator('h1').textContent()).resolves.toBe('检查您填写的内容');
      const units = await page.locator('.summary-list__row', { hasText: '统计服务单位情况' }).locator('.summary-list__value').textContent();
      for (const unit of UNITS) expect(units).toContain(`${unit.code} ${unit.name} ${unit.role}`);
      if (javaScriptEnabled) await review(page, 'statistician-check');

      await page.getByRole('button', { name: '确认并提交' }).click();
      await expect(page.locator('.panel__title').textContent()).resolves.toBe('统计从业人员注册登记已提交');
      const registrationNo = (await page.locator('#application-no').textContent()) ?? '';
      const password = (await page.locator('#query-password').textContent()) ?? '';
      expect(registrationNo).toMatch(/^TJ-\d{4}-\d{6}$/);
      registered.push(registrationNo);
      if (javaScriptEnabled) await review(page, 'statistician-registered');

      await page.getByRole('link', { name: '查看注册信息' }).click();
      await fillByLabel(page, { 身份证号码: idNumber, 查询密码: password });
      await page.getByRole('button', { name: '查询' }).click();
      await expect(page.locator('.summary-list').textContent()).resolves.toContain(registrationNo);
      // Typed by hand: each waits for the bureau's 核实 before it opens the gate (register-through-a-gate-link.test.ts).
      expect(await page.locator('table tbody tr').allTextContents()).toEqual(UNITS.map((u) => `${u.code}${u.name}${u.role}待统计局核实`));
      await expect(page.locator('.inset').textContent()).resolves.toContain('请联系当地统计局开放注册表');
      if (javaScriptEnabled) await review(page, 'statistician-lookup');
      await page.close();
    });
  }

  it('sends someone already registered to 注册信息查询 and the bureau, not back to a locked form', async () => {
    const page = await openPage(browser, { javaScriptEnabled: false, locale: 'zh-CN' });
    await page.goto(siteUrl('/statisticians/register'));
    await fillByLabel(page, {
      姓名: '张伟',
      身份证号码: '51010719900101123X',
      手机号码: '13800138000',
      学历: '本科',
      '统计专业技术资格/职称': '统计师',
      工作单位: '成都甲制造有限公司',
    });
    await page.getByLabel('本人注册').check();
    await fillUnit(page, 0, UNITS[0] as (typeof UNITS)[0]);
    await page.getByRole('button', { name: '继续', exact: true }).click();
    await page.getByRole('button', { name: '确认并提交' }).click();
    await expect(page.locator('#idNumber-error').textContent()).resolves.toContain('请到“注册信息查询”凭身份证号码和查询密码查看原注册表');
    await expect(page.locator('#idNumber-error').textContent()).resolves.not.toContain('在原注册表中');
    await page.locator('#already-registered').getByRole('link', { name: '注册信息查询' }).click();
    await expect(page.locator('h1').textContent()).resolves.toBe('注册信息查询');
    await page.close();
  });

  it('lets the bureau correct a registration on the person’s behalf in the admin, and records it', async () => {
    const registrationNo = registered[0] ?? '';
    expect(registrationNo).not.toBe('');
    const page = await signInToAdmin(browser);
    await page.goto(cmsUrl(`/admin/content-manager/collection-types/api::statistician.statistician?_q=${registrationNo}`));
    const listed = page.locator('tbody tr', { hasText: registrationNo });
    await expect(listed.textContent({ timeout: 20_000 })).resolves.toContain('成都甲制造有限公司');
    await listed.getByText(registrationNo).click();

    const phone = page.getByLabel('手机号码');
    await phone.waitFor({ timeout: 20_000 });
    await phone.fill('12345');
    // Refused on purpose: the server checks the phone as a registration does.
    watchAdmin(page).expect({
      method: 'PUT',
      path: /^\/content-manager\/collection-types\/api::statistician\.statistician\//,
      status: 400,
    });
    await page.getByRole('button', { name: '保存' }).click();
    // Checked as a registration is, the message next to the field.
    await page.getByText('请输入11位中国大陆手机号码，如 138 0013 8000').waitFor({ timeout: 10_000 });
    await phone.fill('13700137000');
    await page.getByRole('button', { name: '保存' }).click();
    const history = page.getByTestId('bureau-history');
    await history.getByText('统计局代为修改').waitFor({ timeout: 15_000 });
    // The panel names the changed field; a phone's old and new values stay out of the history.
    const text = await history.textContent();
    expect(text).toContain('手机号码已修改');
    expect(text).not.toContain('13800138000');
    expect(text).not.toContain('13700137000');
    await saveScreenshot(page, 'admin-statistician-edited');
    expectNoAdminProblems(page, 'bureau');
    await page.close();
  });
});
