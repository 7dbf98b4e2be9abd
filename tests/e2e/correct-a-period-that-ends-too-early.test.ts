import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { computeCreditCodeCheckChar } from '../../config/src/validators/credit-code.ts';
import { validInstitution } from '../integration/support/fixtures.ts';
import { launchBrowser } from './support/browser.ts';
import { fillByLabel, siteUrl } from './support/journey.ts';

const CODE_BODY = '91350100M00077701';

async function registerInstitutionByApi(): Promise<string> {
  const response = await fetch(`${inject('cmsUrl')}/api/public/institutions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(
      validInstitution({
        fullName: '期限测试大学',
        creditCode: `${CODE_BODY}${computeCreditCodeCheckChar(CODE_BODY)}`,
        contactPhone: '13700007777',
      }),
    ),
  });
  expect(response.status).toBe(201);
  return ((await response.json()) as { applicationNo: string }).applicationNo;
}

const typed = (institutionNo: string) => ({
  项目名称: '人口迁移与住房研究',
  申请机构: institutionNo,
  项目负责人姓名: '张三',
  身份证号码: '11010519491231002X',
  '职务(职称)': '教授',
  联系电话: '13800137777',
  电子邮箱: 'zhangsan@example.edu.cn',
  研究目的: '研究人口迁移对住房需求的影响。',
  研究方法: '面板回归。',
  预期成果: '论文一篇',
  数据年份: '2010、2020',
  使用期限开始日期: '2027-06-01',
  使用期限结束日期: '2027-01-31',
});

/** The value of each labelled input, textarea or select, as the page now holds it. */
const valuesOnPage = async (page: Page, labels: string[]) =>
  Object.fromEntries(await Promise.all(labels.map(async (label) => [label, await page.getByLabel(label, { exact: true }).inputValue()])));

describe('correcting a use period that ends before it starts', () => {
  let browser: Browser;
  let institutionNo: string;

  beforeAll(async () => {
    browser = await launchBrowser();
    institutionNo = await registerInstitutionByApi();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it.each([
    ['with JavaScript', true],
    ['without JavaScript', false],
  ])('shows the message next to the end date before checking answers, keeping everything typed (%s)', async (_how, javaScriptEnabled) => {
    const context = await browser.newContext({ javaScriptEnabled, locale: 'zh-CN' });
    const page = await context.newPage();
    await page.goto(siteUrl('/data-applications/new'));
    await page.getByLabel(/我已阅读并同意/).check();
    await page.getByRole('button', { name: '同意并继续' }).click();
    const answers = typed(institutionNo);
    await fillByLabel(page, answers);
    await page.getByLabel('国家社会科学基金').check();
    await page.getByLabel('第六次全国人口普查').check();
    await page.getByRole('button', { name: '继续' }).click();

    await expect(page.locator('.summary-list').count()).resolves.toBe(0);
    await expect(page.locator('.error-summary li').allTextContents()).resolves.toEqual(['使用期限结束日期不能早于开始日期']);
    const end = page.getByLabel('使用期限结束日期', { exact: true });
    await expect(end.getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(end.getAttribute('aria-describedby')).resolves.toContain('usePeriodEnd-error');
    await expect(page.locator('#usePeriodEnd-error').textContent()).resolves.toBe('错误：使用期限结束日期不能早于开始日期');
    await expect(page.locator('#usePeriodStart-error').count()).resolves.toBe(0);
    await expect(valuesOnPage(page, Object.keys(answers))).resolves.toEqual(answers);
    await expect(page.getByLabel('国家社会科学基金').isChecked()).resolves.toBe(true);
    await expect(page.getByLabel('第六次全国人口普查').isChecked()).resolves.toBe(true);

    await end.fill('2028-05-31');
    await page.getByRole('button', { name: '继续' }).click();
    await expect(page.locator('.summary-list').textContent()).resolves.toContain('2028-05-31');
    await context.close();
  });
});
