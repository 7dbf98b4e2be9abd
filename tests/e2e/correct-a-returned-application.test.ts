import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoAdminProblems } from './support/admin-problems.ts';
import { launchBrowser } from './support/browser.ts';
import { registerInstitution, uploadStampedForm } from './support/institutions.ts';
import { cmsUrl, fillByLabel, openPage, review, signInToAdmin, siteUrl } from './support/journey.ts';
import { inviteStaff, returnAsReviewer } from './support/staff.ts';

const REVIEWER = { email: 'zhou.reviewer@e2e.example', password: 'Reviewer-2026-e2e', firstname: '审核员', lastname: '周' };
const INSTITUTIONS = 'api::institution.institution';
const PHONE = '13611112222';
const REASON = '英文名有误，请按营业执照更正';

/** An institution registered and its stamped form uploaded by the applicant, through the public API. */
async function waitingInstitution() {
  const submitted = await registerInstitution({
    fullName: '南开大学',
    creditCode: '12110000MB00009035',
    englishName: 'Nankai Univ',
    address: '天津市南开区卫津路94号',
    email: 'office@nankai.edu.cn',
    contactName: '孙七',
    contactPhone: PHONE,
    contactEmail: 'sunqi@nankai.edu.cn',
  });
  await uploadStampedForm(submitted);
  return submitted;
}

describe('an applicant corrects a returned application under the same number', () => {
  let browser: Browser;
  let applicant: { applicationNo: string; queryPassword: string };

  beforeAll(async () => {
    browser = await launchBrowser();
    await inviteStaff('Reviewer', REVIEWER);
    applicant = await waitingInstitution();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('is returned by the reviewer in the admin', async () => {
    await returnAsReviewer(browser, REVIEWER, INSTITUTIONS, applicant.applicationNo, REASON);
  }, 120_000);

  it('opens 修改申请 from /query with the reason on top, corrects one answer and resubmits', async () => {
    const page = await openPage(browser);
    await page.goto(siteUrl('/query'));
    await fillByLabel(page, { 手机号码: PHONE, 查询密码: applicant.queryPassword });
    await page.getByRole('button', { name: '查询' }).click();
    const row = page.locator('tbody tr', { hasText: applicant.applicationNo });
    await expect(row.textContent()).resolves.toContain(REASON);
    await row.getByRole('link', { name: /修改申请/ }).click();

    await expect(page.locator('h1').textContent()).resolves.toBe(`修改申请 ${applicant.applicationNo}`);
    await expect(page.locator('[data-return-reason]').textContent()).resolves.toBe(REASON);
    await expect(page.getByLabel('机构单位全称', { exact: true }).inputValue()).resolves.toBe('南开大学');
    await review(page, 'resubmit-form');
    // An optional question's label says 选填: found by its name.
    await page.locator('input[name="englishName"]').fill('Nankai University');
    await page.getByRole('button', { name: '继续' }).click();
    await expect(page.locator('.summary-list').textContent()).resolves.toContain('Nankai University');
    await page.getByRole('button', { name: '提交机构申请' }).click();

    await expect(page.locator('h1').textContent()).resolves.toBe('机构登记已修改并重新提交');
    await expect(page.locator('#application-no').textContent()).resolves.toBe(applicant.applicationNo);
    await expect(page.locator('#query-password').count()).resolves.toBe(0);
    await review(page, 'resubmit-confirmation');

    // Back on /query: the same number waits for the new stamped form, and 修改申请 is gone.
    await page.goto(siteUrl('/query'));
    const after = page.locator('tbody tr', { hasText: applicant.applicationNo });
    await expect(after.textContent()).resolves.toContain('等待上传申请表');
    await expect(after.getByRole('link', { name: /修改申请/ }).count()).resolves.toBe(0);
    await page.close();
  });

  it('shows the reviewer what changed since the return, field by field', async () => {
    const page = await signInToAdmin(browser, REVIEWER);
    await page.goto(cmsUrl(`/admin/content-manager/collection-types/${INSTITUTIONS}?_q=${applicant.applicationNo}`));
    await page.locator('tbody tr', { hasText: applicant.applicationNo }).getByText(applicant.applicationNo).click({ timeout: 20_000 });
    await expect(page.getByTestId('review-status').textContent({ timeout: 20_000 })).resolves.toBe('等待上传申请表');
    await expect(page.getByTestId('history-changes').textContent()).resolves.toBe('英文名：Nankai Univ → Nankai University');
    await expect(page.getByTestId('review-history').textContent()).resolves.toContain('申请人');
    expectNoAdminProblems(page, 'reviewer reading a resubmission');
    await page.close();
  }, 120_000);
});
