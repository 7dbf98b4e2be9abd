import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeCreditCodeCheckChar } from '../../config/src/validators/credit-code.ts';
import { launchBrowser } from './support/browser.ts';
import { fillByLabel, openPage, review, siteUrl } from './support/journey.ts';
import { cmsApi, readOnlyApiToken } from './support/staff.ts';

const code = (n: number) => {
  const body = `91510104MA${String(n).padStart(7, '0')}`;
  return body + computeCreditCodeCheckChar(body);
};
const FIRST = code(9_301);
const SECOND = code(9_302);
const ID_NUMBER = '510104199303030031';

interface GateAnswer {
  allowed: boolean;
  registrationLink?: { url: string; token: string };
}

/**
 * seeds/004 §十 and §十二: the platform, asked at an enterprise's login, sends its statistician to
 * the registration page with a signed link; registering through it opens that enterprise's gate,
 * and the same person adds a second enterprise through that one's link with ID and query password.
 */
describe('registering as a statistician through the link the reporting gate gives', () => {
  let browser: Browser;
  let apiToken: string;
  const gate = (enterprise: string) => cmsApi<GateAnswer>(`/api/direct-report/gate/${enterprise}`, { token: apiToken });
  const linkOf = async (enterprise: string) => (await gate(enterprise)).registrationLink?.token ?? '';

  beforeAll(async () => {
    browser = await launchBrowser();
    apiToken = await readOnlyApiToken('gate-link-e2e');
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('registers with the enterprise filled in and verified, which opens its gate; a second enterprise is added by its link', async () => {
    expect(await gate(FIRST)).toMatchObject({ allowed: false });
    const page = await openPage(browser, { locale: 'zh-CN' });
    await page.goto(siteUrl(`/statisticians/register?gate=${encodeURIComponent(await linkOf(FIRST))}`));
    await expect(page.locator('#gate-link').textContent()).resolves.toContain(`（${FIRST}）的企业账号登录转来`);
    const unit = page.locator('[data-row]').first();
    await expect(unit.getByLabel('统一社会信用代码').inputValue()).resolves.toBe(FIRST);
    await fillByLabel(page, {
      姓名: '赵磊',
      身份证号码: ID_NUMBER,
      手机号码: '13800138000',
      学历: '本科',
      '统计专业技术资格/职称': '统计师',
      工作单位: '成都链接制造有限公司',
    });
    await page.getByLabel('本人注册').check();
    await unit.getByLabel('单位名称').fill('成都链接制造有限公司');
    await unit.getByLabel('综合统计').check();
    await page.getByRole('button', { name: '继续', exact: true }).click();
    await page.getByRole('button', { name: '确认并提交' }).click();
    await expect(page.locator('.panel__title').textContent()).resolves.toBe('统计从业人员注册登记已提交');
    const password = (await page.locator('#query-password').textContent()) ?? '';
    expect(await gate(FIRST)).toMatchObject({ allowed: true });

    // The second enterprise's link, followed by someone already registered.
    await page.goto(siteUrl(`/statisticians/register?gate=${encodeURIComponent(await linkOf(SECOND))}`));
    await page.getByRole('link', { name: '凭身份证号码和查询密码把该单位增加到原注册表' }).click();
    await expect(page.locator('h1').textContent()).resolves.toBe('把企业增加到我的注册表');
    await fillByLabel(page, { 身份证号码: ID_NUMBER, 查询密码: 'AAAA-BBBB-CCCC' });
    await page.getByRole('button', { name: '增加到我的注册表' }).click();
    await expect(page.locator('.error-summary').textContent()).resolves.toContain('身份证号码或查询密码不正确');
    await fillByLabel(page, { 身份证号码: ID_NUMBER, 查询密码: password });
    await page.getByRole('button', { name: '增加到我的注册表' }).click();
    await expect(page.locator('[role="status"]').textContent()).resolves.toContain(`（${SECOND}）增加到您的注册表并核实`);
    expect(await page.locator('table tbody tr').allTextContents()).toEqual([
      `${FIRST}成都链接制造有限公司综合统计已核实`,
      `${SECOND}${SECOND}专业统计已核实`,
    ]);
    await review(page, 'statistician-gate-link-added');
    expect(await gate(SECOND)).toMatchObject({ allowed: true });
    await page.close();
  });

  it('says so when the link was tampered with, and still offers the ordinary form', async () => {
    const page = await openPage(browser, { javaScriptEnabled: false, locale: 'zh-CN' });
    const [, exp, signature] = (await linkOf(code(9_303))).split('.');
    await page.goto(siteUrl(`/statisticians/register?gate=${code(9_304)}.${exp}.${signature}`));
    await expect(page.locator('#gate-link-problem').textContent()).resolves.toBe(
      '注册链接无效。请以企业账号登录四川统计数据采集处理平台，重新打开平台给出的注册链接。',
    );
    await expect(page.locator('[data-row]').first().getByLabel('统一社会信用代码').inputValue()).resolves.toBe('');
    await page.close();
  });
});
