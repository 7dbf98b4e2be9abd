import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_PNG as PNG } from '../integration/support/files.ts';
import { unitCode } from '../integration/support/fixtures.ts';
import { expectNoAdminProblems } from './support/admin-problems.ts';
import { launchBrowser, saveScreenshot } from './support/browser.ts';
import { cmsUrl, fillByLabel, openPage, review, signInToAdmin, siteUrl } from './support/journey.ts';

/** Enterprises of a list: valid GB 32100 codes none of the other cases type. */
const listedCode = (n: number) => unitCode(n, '91510100MA');
const AGENCY_ANSWERS = {
  代理机构名称: '成都某某财务咨询有限公司',
  办公地址: '成都市武侯区某某路1号',
  联系人: '赵敏',
  联系电话: '13900139000',
};

/** The agency's own questions, answered; the enterprise rows are left to each case. */
async function answerAgencyQuestions(page: Page) {
  await fillByLabel(page, AGENCY_ANSWERS);
  await page.getByLabel('统一社会信用代码', { exact: true }).first().fill('91510104MA00008032');
  await page.getByLabel('所在县（市、区）').selectOption('510107');
}

describe('registering an agent agency and following its review (seeds/004 §七)', () => {
  let browser: Browser;
  let files: string;
  let registrationNo = '';
  let listedNo = '';
  /** A file of the case's folder, written now. */
  const fileOf = (name: string, bytes: Buffer | string) => {
    const path = join(files, name);
    writeFileSync(path, bytes);
    return path;
  };
  beforeAll(async () => {
    browser = await launchBrowser();
    files = mkdtempSync(join(tmpdir(), 'agency-e2e-'));
  });
  afterAll(async () => {
    await browser?.close();
    rmSync(files, { recursive: true, force: true });
  });

  it('registers with its documents, shows the password once, and looks up where the registration stands', async () => {
    const page = await openPage(browser);
    await page.goto(siteUrl('/'));
    await page.getByRole('link', { name: '统计代理机构登记' }).click();
    await fillByLabel(page, {
      代理机构名称: '成都某某财务咨询有限公司',
      办公地址: '成都市武侯区某某路1号',
      联系人: '赵敏',
      联系电话: '13900139000',
    });
    // The agency's own code comes first; each enterprise row has a code of its own.
    await page.getByLabel('统一社会信用代码', { exact: true }).first().fill('91510104MA00008032');
    await page.getByLabel('所在县（市、区）').selectOption('510107');
    const row = page.locator('[data-row]').first();
    await row.getByLabel('统一社会信用代码').fill('91510104MA0000801U');
    await row.getByLabel('企业名称').fill('成都甲制造有限公司');
    await page.getByRole('button', { name: '继续' }).click();

    await expect(page.locator('h1').textContent()).resolves.toBe('检查您填写的内容');
    const scan = join(files, 'scan.png');
    writeFileSync(scan, PNG);
    for (const label of ['营业执照', '法人证书', '成都甲制造有限公司的委托书']) await page.getByLabel(label).setInputFiles(scan);
    await page.getByRole('button', { name: '确认并提交' }).click();

    expect(new URL(page.url()).pathname).toBe('/agencies/registered');
    registrationNo = (await page.locator('#application-no').textContent()) ?? '';
    const password = (await page.locator('#query-password').textContent()) ?? '';
    expect(registrationNo).toMatch(/^DL-\d{4}-\d{6}$/);
    expect(password).toMatch(/^[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{2}$/);
    await review(page, 'agency-confirmation');

    await page.getByRole('link', { name: '查询审核进度' }).click();
    await fillByLabel(page, { 登记编号: registrationNo, 查询密码: 'AAAA-BBBB-CC' });
    await page.getByRole('button', { name: '查询' }).click();
    // Next to the field, and the number typed is kept.
    await expect(page.locator('#password-error').textContent()).resolves.toContain('登记编号或查询密码不正确');
    // Said once in the summary, as a link to the field, not twice.
    await expect(page.locator('.error-summary').textContent()).resolves.toMatch(/^[^确]*登记编号或查询密码不正确[^确]*$/);
    await expect(page.getByLabel('登记编号', { exact: true }).inputValue()).resolves.toBe(registrationNo);
    await review(page, 'agency-look-up-error');

    await fillByLabel(page, { 查询密码: password.toLowerCase() });
    await page.getByRole('button', { name: '查询' }).click();
    await expect(page.url()).not.toContain(password);
    await expect(page.locator('#agency-status').textContent()).resolves.toBe('待县区统计局审核');
    await expect(page.locator('#agency-history').textContent()).resolves.toContain('提交登记');
    await expect(page.locator('body').textContent()).resolves.toContain('成都甲制造有限公司');
    await review(page, 'agency-status');

    // A refresh reads the status again without the password.
    await page.reload();
    await expect(page.locator('#agency-status').textContent()).resolves.toBe('待县区统计局审核');
    await page.getByRole('button', { name: '查询其他登记' }).click();
    await expect(page.getByLabel('登记编号', { exact: true }).isVisible()).resolves.toBe(true);
    await page.close();
  });

  for (const javaScriptEnabled of [true, false]) {
    it(`registers with the list of enterprises as a CSV file instead of typed rows, with JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, async () => {
      const page = await openPage(browser, { javaScriptEnabled, locale: 'zh-CN' });
      await page.goto(siteUrl('/agencies/register'));
      await answerAgencyQuestions(page);
      // The row offered to start from stays blank: the enterprises come in the file.
      await page.getByRole('button', { name: '继续' }).click();

      await expect(page.locator('h1').textContent()).resolves.toBe('检查您填写的内容');
      const list = page.getByLabel('委托企业清单', { exact: true });
      await expect(page.locator('#delegatorList-hint').textContent()).resolves.toContain(
        '您没有逐个填写委托企业，请上传委托企业清单。Excel（.xlsx）或 CSV 文件，一行一个企业：第一列为法人代码（统一社会信用代码），第二列为企业名称，第一行可以是标题行',
      );
      await expect(list.getAttribute('accept')).resolves.toContain('.csv');
      const scan = fileOf('scan.png', PNG);
      const n = javaScriptEnabled ? 10 : 20;
      await list.setInputFiles(
        fileOf('委托企业清单.csv', `法人代码,企业名称\n${listedCode(n)},成都乙商贸有限公司\n${listedCode(n + 1)},成都丙建筑有限公司\n`),
      );
      for (const label of ['营业执照', '法人证书', '清单所列企业的委托书'])
        await page.getByLabel(label, { exact: true }).setInputFiles(scan);
      if (javaScriptEnabled) await review(page, 'agency-check-with-list');
      await page.getByRole('button', { name: '确认并提交' }).click();

      expect(new URL(page.url()).pathname).toBe('/agencies/registered');
      listedNo = (await page.locator('#application-no').textContent()) ?? '';
      expect(listedNo).toMatch(/^DL-\d{4}-\d{6}$/);
      await page.close();
    });
  }

  it('shows the problem of a bad list next to the file field, keeping every answer typed', async () => {
    const page = await openPage(browser);
    await page.goto(siteUrl('/agencies/register'));
    await answerAgencyQuestions(page);
    const row = page.locator('[data-row]').first();
    await row.getByLabel('统一社会信用代码').fill(listedCode(30));
    await row.getByLabel('企业名称').fill('成都丁食品有限公司');
    await page.getByRole('button', { name: '继续' }).click();

    const scan = fileOf('scan.png', PNG);
    const chooseFiles = async (list: string) => {
      await page.getByLabel('委托企业清单').setInputFiles(list);
      for (const label of ['营业执照', '法人证书', '成都丁食品有限公司的委托书', '清单所列企业的委托书'])
        await page.getByLabel(label, { exact: true }).setInputFiles(scan);
      await page.getByRole('button', { name: '确认并提交' }).click();
    };
    // Row 3 has a wrong check digit; row 4 repeats the enterprise typed on the form.
    await chooseFiles(
      fileOf(
        '有错的清单.csv',
        `法人代码,企业名称\n${listedCode(31)},成都戊有限公司\n91510100MA0000000X,坏代码\n${listedCode(30)},成都丁食品有限公司\n`,
      ),
    );

    await expect(page.locator('h1').textContent()).resolves.toBe('检查您填写的内容');
    const message = `第3行：统一社会信用代码的校验码（最后一位）不正确，请核对后重新输入；第4行：法人代码 ${listedCode(30)} 与已填写的委托企业重复`;
    await expect(page.locator('#delegatorList-error').textContent()).resolves.toContain(message);
    await expect(page.getByLabel('委托企业清单').getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(page.locator('.error-summary a[href="#field-delegatorList"]').textContent()).resolves.toBe(message);
    // Nothing typed is lost: the answers are still there to check and go on with.
    const answers = (await page.locator('.summary-list').textContent()) ?? '';
    for (const typed of [...Object.values(AGENCY_ANSWERS), '91510104MA00008032', listedCode(30), '成都丁食品有限公司'])
      expect(answers).toContain(typed);
    await review(page, 'agency-list-error');

    await chooseFiles(fileOf('改好的清单.csv', `法人代码,企业名称\n${listedCode(31)},成都戊有限公司\n`));
    expect(new URL(page.url()).pathname).toBe('/agencies/registered');
    await page.close();
  });

  it('shows the bureau the 县区 by name and each enterprise beside its stamped letter', async () => {
    expect(registrationNo).not.toBe('');
    const page = await signInToAdmin(browser);
    await page.goto(cmsUrl(`/admin/content-manager/collection-types/api::agency.agency?_q=${registrationNo}`));
    const row = page.locator('tbody tr', { hasText: registrationNo });
    await expect(row.textContent({ timeout: 20_000 })).resolves.toContain('成都市 武侯区');
    await saveScreenshot(page, 'admin-agencies');

    await row.getByText(registrationNo).click();
    const delegators = page.getByTestId('agency-delegators');
    await expect(delegators.textContent({ timeout: 20_000 })).resolves.toContain('成都甲制造有限公司');
    await expect(delegators.textContent()).resolves.toContain('91510104MA0000801U');
    await expect(delegators.getByRole('button', { name: '委托书：scan.png' }).count()).resolves.toBe(1);
    await expect(page.getByText('成都市 武侯区（510107）').count()).resolves.toBe(1);
    await saveScreenshot(page, 'admin-agency');
    expectNoAdminProblems(page, 'bureau');
    await page.close();
  });

  it('offers the bureau the list as uploaded, with how many listed enterprises the master data does not know', async () => {
    expect(listedNo).not.toBe('');
    const page = await signInToAdmin(browser);
    await page.goto(cmsUrl(`/admin/content-manager/collection-types/api::agency.agency?_q=${listedNo}`));
    await page.locator('tbody tr', { hasText: listedNo }).getByText(listedNo).click({ timeout: 20_000 });
    await expect(page.getByTestId('agency-list-flags').textContent({ timeout: 20_000 })).resolves.toBe(
      '清单列出 2 家企业，法人代码均已通过校验、无重复；其中 2 家不在报表单位名录中，请核实',
    );
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '委托企业清单：委托企业清单.csv' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('委托企业清单.csv');
    await expect(readFile(String(await download.path()), 'utf8')).resolves.toContain('成都丙建筑有限公司');
    await saveScreenshot(page, 'admin-agency-list');
    expectNoAdminProblems(page, 'bureau');
    await page.close();
  });
});
