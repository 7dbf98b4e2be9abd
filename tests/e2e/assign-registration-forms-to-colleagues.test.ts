import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeCreditCodeCheckChar } from '../../config/src/validators/credit-code.ts';
import { launchBrowser } from './support/browser.ts';
import { fillByLabel, openPage, review, siteUrl } from './support/journey.ts';
import { cmsApi, readOnlyApiToken } from './support/staff.ts';

const body = '91510104MA0009401';
const ENTERPRISE = body + computeCreditCodeCheckChar(body);
const MAKER_ID = '510104199404040036';
const COLLEAGUE_ID = '510104199505050030';

/**
 * seeds/004 §十一: the enterprise's 综合统计人员 assigns a registration form to a colleague with a
 * secondary account; the colleague registers through the link once, and the list says so.
 */
describe('assigning registration forms to colleagues', () => {
  let browser: Browser;
  let apiToken: string;

  beforeAll(async () => {
    browser = await launchBrowser();
    apiToken = await readOnlyApiToken('registration-links-e2e');
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('makes a link for a colleague, who registers through it once; the list then shows 已使用', async () => {
    // The comprehensive statistician registers through the gate's link, so the enterprise is verified.
    const gate = await cmsApi<{ registrationLink?: { token: string } }>(`/api/direct-report/gate/${ENTERPRISE}`, { token: apiToken });
    const maker = await openPage(browser, { locale: 'zh-CN' });
    await maker.goto(siteUrl(`/statisticians/register?gate=${encodeURIComponent(gate.registrationLink?.token ?? '')}`));
    const answers = { 手机号码: '13800138000', 学历: '本科', '统计专业技术资格/职称': '统计师', 工作单位: '成都分配制造有限公司' };
    await fillByLabel(maker, { 姓名: '孙丽', 身份证号码: MAKER_ID, ...answers });
    await maker.getByLabel('本人注册').check();
    const unit = maker.locator('[data-row]').first();
    await unit.getByLabel('单位名称').fill('成都分配制造有限公司');
    await unit.getByLabel('综合统计').check();
    await maker.getByRole('button', { name: '继续', exact: true }).click();
    await maker.getByRole('button', { name: '确认并提交' }).click();
    const password = (await maker.locator('#query-password').textContent()) ?? '';

    await maker.goto(siteUrl('/statisticians/lookup'));
    await fillByLabel(maker, { 身份证号码: MAKER_ID, 查询密码: password });
    await maker.getByRole('button', { name: '查询' }).click();
    await maker.getByRole('link', { name: '分配注册表给同事' }).click();
    await maker.getByRole('button', { name: '生成注册链接' }).click();
    await expect(maker.locator('.error-summary').textContent()).resolves.toContain('请填写同事姓名，以便区分每个链接');
    await fillByLabel(maker, { 同事姓名: '钱进' });
    await maker.getByRole('button', { name: '生成注册链接' }).click();
    const url = (await maker.locator('#link-url').textContent()) ?? '';
    expect(url).toContain('/statisticians/register?invite=');
    await expect(maker.locator('#links [data-state]').first().textContent()).resolves.toBe('未使用');

    // The colleague, in another browser, fills in their own registration through the link.
    const colleague = await openPage(browser, { javaScriptEnabled: false, locale: 'zh-CN' });
    await colleague.goto(url);
    await expect(colleague.locator('#invite').textContent()).resolves.toContain(
      `孙丽 为 钱进 分配了 成都分配制造有限公司（${ENTERPRISE}）的注册表`,
    );
    await expect(colleague.locator('[data-row]').first().getByLabel('统一社会信用代码').inputValue()).resolves.toBe(ENTERPRISE);
    await fillByLabel(colleague, { 姓名: '钱进', 身份证号码: COLLEAGUE_ID, ...answers });
    await colleague.getByLabel('本人注册').check();
    await colleague.getByRole('button', { name: '继续', exact: true }).click();
    await colleague.getByRole('button', { name: '确认并提交' }).click();
    await expect(colleague.locator('.panel__title').textContent()).resolves.toBe('统计从业人员注册登记已提交');
    const colleagueNo = (await colleague.locator('#application-no').textContent()) ?? '';

    await maker.goto(siteUrl('/statisticians/links'));
    await expect(maker.locator('#links [data-state]').first().textContent()).resolves.toBe(`已使用（钱进，${colleagueNo}）`);
    await review(maker, 'statistician-registration-links');

    // A second use is refused with its own page.
    await colleague.goto(url);
    await expect(colleague.locator('h1').textContent()).resolves.toBe('无法使用该注册链接');
    await expect(colleague.locator('#invite-refused').textContent()).resolves.toBe(
      '该注册链接已使用过，每个链接只能注册一次。请向本单位综合统计人员重新索取链接。',
    );
    await maker.close();
    await colleague.close();
  });
});
