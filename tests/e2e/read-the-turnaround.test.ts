import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { institutionCode } from '../integration/support/fixtures.ts';
import { launchBrowser } from './support/browser.ts';
import { registerInstitution, uploadStampedForm } from './support/institutions.ts';
import { fillByLabel, openPage, review, siteUrl } from './support/journey.ts';
import { adminJwt, cmsApi, inviteStaff } from './support/staff.ts';

const REVIEWER = { email: 'li.turnaround@e2e.example', password: 'Reviewer-2026-stats', firstname: '审核员', lastname: '李' };
const PHONE = '13628000006';
/** The site keeps public content for five seconds (site/src/lib/cms/cache.ts). */
const afterTheSiteCache = () => new Promise((resolve) => setTimeout(resolve, 5_500));

/** An institution registered and its stamped form uploaded, through the public API as the applicant does. */
async function uploadedInstitution(n: number, contactPhone: string) {
  const submitted = await registerInstitution({ creditCode: institutionCode(2800 + n), fullName: `审核时长测试大学${n}`, contactPhone });
  await uploadStampedForm(submitted);
  return submitted;
}

describe('审核时长统计 and the 同类申请 sentence', () => {
  let browser: Browser;
  let waiting: { applicationNo: string; queryPassword: string };

  beforeAll(async () => {
    browser = await launchBrowser();
    await inviteStaff('Reviewer', REVIEWER);
    const token = await adminJwt(REVIEWER.email, REVIEWER.password);
    // Five institutions decided at the desk this month: a group large enough to be published.
    for (let n = 1; n <= 5; n++) {
      const { applicationNo } = await uploadedInstitution(n, `1362800000${n}`);
      await cmsApi(`/review-desk/records/${applicationNo}/decisions`, {
        method: 'POST',
        token,
        body: JSON.stringify({ action: 'approve' }),
      });
    }
    waiting = await uploadedInstitution(6, PHONE);
    await afterTheSiteCache();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('shows the month’s decisions in a table and a chart drawn without JavaScript', async () => {
    const page = await openPage(browser, { locale: 'zh-CN', javaScriptEnabled: false });
    await page.goto(siteUrl('/'));
    await page.locator('.site-footer').getByRole('link', { name: '审核时长统计' }).click();
    expect(new URL(page.url()).pathname).toBe('/stats');
    await expect(page.locator('h1').textContent()).resolves.toBe('审核时长统计');
    await expect(page.locator('main').textContent()).resolves.toContain('工作日按周一至周五计算，未扣除法定节假日');

    const table = page.getByRole('table', { name: '机构登记：每月审核决定件数与审核时长（工作日）' });
    const rows = table.locator('tbody tr');
    await expect(rows.count()).resolves.toBe(12);
    const thisMonth = rows.last();
    await expect(thisMonth.locator('th').textContent()).resolves.toMatch(/^\d{4}-\d{2}$/);
    const [decided, median, p90] = await thisMonth.locator('td').allTextContents();
    expect(Number(decided)).toBeGreaterThanOrEqual(5);
    expect(Number(median)).toBeGreaterThanOrEqual(0);
    expect(Number(p90)).toBeGreaterThanOrEqual(Number(median));

    const chart = page.getByRole('img', { name: '机构登记：每月审核时长（工作日）' });
    await expect(chart.locator('rect').count()).resolves.toBeGreaterThanOrEqual(1);
    // A kind with fewer than five decisions in a month shows a dash, never its count.
    await expect(
      page.getByRole('table', { name: '最终成果登记：每月审核决定件数与审核时长（工作日）' }).locator('tbody td').first().textContent(),
    ).resolves.toBe('—');
    await page.close();
    // axe-core runs as a script in the page: looked at again with JavaScript on.
    const looked = await openPage(browser);
    await looked.goto(siteUrl('/stats'));
    await review(looked, 'turnaround');
    await looked.close();
  });

  it('tells the applicant on /query how long their kind of application took over the last three months', async () => {
    const page = await openPage(browser);
    await page.goto(siteUrl('/query'));
    await fillByLabel(page, { 手机号码: PHONE, 查询密码: waiting.queryPassword });
    await page.getByRole('button', { name: '查询' }).click();
    await expect(page.locator('tbody tr', { hasText: waiting.applicationNo }).textContent()).resolves.toContain('等待实验室审批');
    await expect(page.locator('.turnaround-sentence').textContent()).resolves.toMatch(
      /^同类申请近三个月中位审核时长：\d+(\.\d)? 个工作日（机构登记）/,
    );
    await page.close();
  });
});
