import pg from 'pg';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { expectNoAdminProblems, watchAdmin } from './support/admin-problems.ts';
import { launchBrowser, saveScreenshot } from './support/browser.ts';
import { cmsUrl, fillByLabel, openPage, signInToAdmin, siteUrl } from './support/journey.ts';
import { cmsApi, inviteStaff } from './support/staff.ts';

const REVIEWER = { email: 'wang.reviewer@e2e.example', password: 'Reviewer-2026-e2e', firstname: '审核员', lastname: '王' };
const SCAN = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);

/** An institution registered and its stamped form uploaded by the applicant, through the public API. */
async function waitingInstitution(): Promise<{ applicationNo: string; queryPassword: string }> {
  const submitted = await cmsApi<{ applicationNo: string; queryPassword: string; token: string }>('/api/public/institutions', {
    method: 'POST',
    body: JSON.stringify({
      agreeNotice: true,
      fullName: '复旦大学',
      creditCode: '91350100M000100Y43',
      address: '上海市杨浦区邯郸路220号',
      email: 'office@fudan.edu.cn',
      legalRepName: '王五',
      legalRepPosition: '校长',
      contactName: '赵六',
      contactPosition: '处长',
      contactPhone: '13698765432',
      contactEmail: 'zhaoliu@fudan.edu.cn',
      commitment: true,
    }),
  });
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(SCAN)], { type: 'application/pdf' }), '盖章申请表.pdf');
  const upload = await fetch(cmsUrl(`/api/public/records/${submitted.applicationNo}/stamped-form`), {
    method: 'POST',
    headers: { authorization: `Bearer ${submitted.token}` },
    body: form,
  });
  expect(upload.status).toBe(200);
  // Other journeys leave institutions waiting too; this one is dated first so that it is the oldest.
  const client = new pg.Client({ connectionString: inject('databaseUrl') });
  await client.connect();
  await client.query(`update institutions set submitted_at = '2026-01-05T01:00:00Z' where record_no = $1`, [submitted.applicationNo]);
  await client.end();
  return submitted;
}

describe('a reviewer returns an application with a reason the applicant then reads', () => {
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

  it('signs in, opens the oldest waiting application, views the scan and returns it', async () => {
    const page = await signInToAdmin(browser, REVIEWER);
    await expect(page.getByTestId('waiting-institution').textContent({ timeout: 15_000 })).resolves.toMatch(/^\d+$/);
    await expect(page.getByTestId('mail-status').textContent()).resolves.toContain('邮件通知未开启');
    await saveScreenshot(page, 'admin-home');

    await page.getByRole('link', { name: '审核工作台', exact: true }).click();
    const firstRow = page.locator('tbody tr').first();
    await expect(firstRow.textContent({ timeout: 15_000 })).resolves.toContain(applicant.applicationNo);
    await saveScreenshot(page, 'admin-review-desk');
    await firstRow.getByRole('link', { name: applicant.applicationNo }).click();

    await expect(page.getByTestId('review-status').textContent({ timeout: 15_000 })).resolves.toBe('等待实验室审批');
    const [scan] = await Promise.all([page.waitForEvent('popup'), page.getByRole('button', { name: '查看扫描件' }).click()]);
    await scan.waitForURL(/^blob:/);
    await scan.close();
    await saveScreenshot(page, 'admin-record');

    // The first action (通过) is a button; the others sit in the panel's menu.
    await page
      .getByRole('button', { name: /More document actions|更多文档操作/ })
      .first()
      .click();
    await page.getByRole('menuitem', { name: '退回修改' }).click();
    const dialog = page.getByRole('dialog');
    // Sent without a reason on purpose: the server's 400 puts its message next to the field.
    watchAdmin(page).expect({ method: 'POST', path: /^\/review-desk\/records\/[^/]+\/decisions$/, status: 400 });
    await dialog.getByRole('button', { name: '确认退回修改' }).click();
    // isVisible() does not wait; the message comes back from the server.
    await dialog.getByText('请填写理由：退回修改或不通过时必须说明原因').waitFor({ timeout: 10_000 });
    await dialog.getByLabel('理由').fill('盖章不清晰，请重新扫描后上传');
    await saveScreenshot(page, 'admin-return-dialog');
    await dialog.getByRole('button', { name: '确认退回修改' }).click();
    // The page reloads after the decision; wait for the panel to show the new status.
    await page.getByTestId('review-status').filter({ hasText: '退回修改' }).waitFor({ timeout: 15_000 });
    await saveScreenshot(page, 'admin-record-returned');
    await expect(page.getByTestId('review-history').textContent()).resolves.toContain('王审核员');
    expectNoAdminProblems(page, 'reviewer');
    await page.close();
  });

  it('shows the applicant the reason on the query page', async () => {
    const page: Page = await openPage(browser);
    await page.goto(siteUrl('/query'));
    await fillByLabel(page, { 手机号码: '13698765432', 查询密码: applicant.queryPassword });
    await page.getByRole('button', { name: '查询' }).click();
    const row = page.locator('tr', { hasText: applicant.applicationNo });
    await expect(row.textContent()).resolves.toContain('退回修改');
    await expect(page.content()).resolves.toContain('盖章不清晰，请重新扫描后上传');
    await page.close();
  });
});
