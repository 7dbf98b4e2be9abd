import pg from 'pg';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { expectNoAdminProblems } from './support/admin-problems.ts';
import { launchBrowser } from './support/browser.ts';
import { cmsUrl, openPage, review, signInToAdmin, siteUrl } from './support/journey.ts';
import { inviteStaff } from './support/staff.ts';

const EDITOR = { email: 'wang.editor@e2e.example', password: 'Editor-2026-notices', firstname: '编辑', lastname: '王' };
/** The site keeps public content for five seconds (site/src/lib/cms/cache.ts). */
const afterTheSiteCache = () => new Promise((resolve) => setTimeout(resolve, 5_500));

async function sql(text: string, values: unknown[] = []) {
  const client = new pg.Client({ connectionString: inject('databaseUrl') });
  await client.connect();
  try {
    await client.query(text, values);
  } finally {
    await client.end();
  }
}

describe('the seed’s system name, footer and 通知公告', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
    await inviteStaff('Content editor', EDITOR);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('names the system and the bureau in the header and footer, and lists the notices with their dates', async () => {
    const page = await openPage(browser);
    await page.goto(siteUrl('/'));
    await expect(page.locator('.site-header__name').textContent()).resolves.toBe('国家统计局微观数据用户注册申请系统');
    await expect(page.title()).resolves.toBe('首页 - 国家统计局微观数据用户注册申请系统');
    const footer = (await page.locator('.site-footer').textContent()) ?? '';
    expect(footer).toContain('版权所有：中华人民共和国国家统计局');
    expect(footer).toContain('地址：北京市西城区月坛南街57号（100826）');

    await page.locator('.site-footer').getByRole('link', { name: '通知公告' }).click();
    expect(new URL(page.url()).pathname).toBe('/notices');
    const items = await page.locator('#notice-list li').allTextContents();
    expect(items.some((item) => /如何计算直报率\s*发布日期\s*\d{4}-\d{2}-\d{2}/.test(item))).toBe(true);
    expect(items.join('')).toContain('最终成果审核');
    await review(page, 'notices');
    await page.getByRole('link', { name: '统计人员注册' }).click();
    await expect(page.locator('h1').textContent()).resolves.toBe('统计人员注册');
    await expect(page.locator('.prose').textContent()).resolves.toContain('每个统计人员在注册表上最多可以填30个服务单位');
    await page.close();
  });

  it('links the direct-reporting rules from the home page and the statistics-staff registration', async () => {
    const page = await openPage(browser);
    await page.goto(siteUrl('/'));
    const rules = page.getByRole('navigation', { name: '直报规则问答' });
    expect(await rules.getByRole('link').allTextContents()).toEqual(['如何计算直报率', '什么情况不算直报', '代理机构', '统计人员注册']);
    await page.goto(siteUrl('/statisticians/register'));
    await page.getByRole('navigation', { name: '直报规则问答' }).getByRole('link', { name: '什么情况不算直报' }).click();
    await expect(page.locator('.prose').textContent()).resolves.toContain('均不算直报企业');
    await page.close();
  });

  it('shows the footer and the centre’s email as a content editor sets them in 网站设置', async () => {
    const admin = await signInToAdmin(browser, EDITOR);
    await admin.goto(cmsUrl('/admin/content-manager/single-types/api::site-setting.site-setting'));
    await admin.getByLabel('电话').fill('010-68783311');
    await admin.getByLabel('接收最终成果审核表的电子邮箱').fill('outcomes@e2e.example');
    const saved = admin.waitForResponse((r) => r.url().includes('api::site-setting.site-setting') && r.request().method() === 'PUT');
    await admin.getByRole('button', { name: '保存' }).click();
    expect((await saved).status()).toBe(200);
    expectNoAdminProblems(admin, 'content editor');
    await admin.close();

    await afterTheSiteCache();
    const page = await openPage(browser);
    await page.goto(siteUrl('/outcomes'));
    await expect(page.locator('.site-footer').textContent()).resolves.toContain('电话：010-68783311');
    await expect(page.locator('#outcome-review-email').textContent()).resolves.toBe(
      '填写完成后，请发送至数据开发中心：outcomes@e2e.example；也可以在登记最终成果时上传。',
    );
    await page.close();
  }, 120_000);

  it('still shows the outcome page, with a clear message, when its system text is missing', async () => {
    // Deletion is refused in the admin; a database restored without the text is what this covers.
    await sql("update notices set key = 'outcome-review-away' where key = 'outcome-review'");
    try {
      await afterTheSiteCache();
      const page = await openPage(browser);
      const response = await page.goto(siteUrl('/outcomes'));
      expect(response?.status()).toBe(200);
      await expect(page.locator('#notice-missing').textContent()).resolves.toBe(
        '“第一步：最终成果审核”暂未发布，请稍后再来，或联系数据中心。',
      );
      await expect(page.getByRole('link', { name: '填写最终成果登记表' }).isVisible()).resolves.toBe(true);
      await page.close();
    } finally {
      await sql("update notices set key = 'outcome-review' where key = 'outcome-review-away'");
    }
  });
});
