import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_PNG as PNG } from '../integration/support/files.ts';
import { expectNoAdminProblems } from './support/admin-problems.ts';
import { launchBrowser, saveScreenshot } from './support/browser.ts';
import { cmsUrl, fillByLabel, openPage, review, signInToAdmin, siteUrl } from './support/journey.ts';

describe('registering an agent agency and following its review (seeds/004 §七)', () => {
  let browser: Browser;
  let files: string;
  let registrationNo = '';
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
});
