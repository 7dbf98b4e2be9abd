import pg from 'pg';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { expectNoAdminProblems, watchAdmin } from './support/admin-problems.ts';
import { launchBrowser, saveScreenshot } from './support/browser.ts';
import { cmsUrl, fillByLabel, openPage, signInToAdmin, siteUrl } from './support/journey.ts';
import { cmsApi, inviteStaff } from './support/staff.ts';

const REVIEWER = { email: 'wang.reviewer@e2e.example', password: 'Reviewer-2026-e2e', firstname: '审核员', lastname: '王' };
const COUNTY = { email: 'li.county@e2e.example', password: 'County-2026-e2e', firstname: '县区统计局', lastname: '王' };
const INSTITUTIONS = 'api::institution.institution';

/** A stamped form as a scan would look: the form's title and a red seal, photographed as PNG. */
async function stampedScan(browser: Browser): Promise<Buffer> {
  const page = await openPage(browser);
  await page.setViewportSize({ width: 600, height: 800 });
  await page.setContent(`<body style="font-family:sans-serif;padding:40px">
    <h2 style="text-align:center">微观数据开发应用机构登记表</h2><p>机构全称：复旦大学</p><p>法定代表人：王五</p>
    <div style="margin:80px 0 0 300px;width:160px;height:160px;border:6px solid #d00;border-radius:50%;color:#d00;
      display:flex;align-items:center;justify-content:center;font-size:28px">复旦大学</div></body>`);
  const png = await page.screenshot();
  await page.close();
  return png;
}

/** An institution registered (one per credit code) and its stamped form uploaded by the applicant, through the public API. */
async function waitingInstitution(fullName: string, creditCode: string, scan: Buffer, submittedAt: string) {
  const submitted = await cmsApi<{ applicationNo: string; queryPassword: string; token: string }>('/api/public/institutions', {
    method: 'POST',
    body: JSON.stringify({
      agreeNotice: true,
      fullName,
      creditCode,
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
  form.append('file', new Blob([new Uint8Array(scan)], { type: 'image/png' }), '盖章申请表.png');
  const upload = await fetch(cmsUrl(`/api/public/records/${submitted.applicationNo}/stamped-form`), {
    method: 'POST',
    headers: { authorization: `Bearer ${submitted.token}` },
    body: form,
  });
  expect(upload.status).toBe(200);
  // Other journeys leave institutions waiting too; these are dated first so that they lead the queue.
  const client = new pg.Client({ connectionString: inject('databaseUrl') });
  await client.connect();
  await client.query(`update institutions set submitted_at = $2 where record_no = $1`, [submitted.applicationNo, submittedAt]);
  await client.end();
  return submitted;
}

const box = async (locator: ReturnType<Page['locator']>) => {
  const found = await locator.boundingBox();
  if (!found) throw new Error('not on screen');
  return found;
};

describe('a reviewer works the queue in the admin, and the applicant reads the reason', () => {
  let browser: Browser;
  let applicant: { applicationNo: string; queryPassword: string };
  let second: { applicationNo: string };

  beforeAll(async () => {
    browser = await launchBrowser();
    await inviteStaff('Reviewer', REVIEWER);
    await inviteStaff('County bureau', COUNTY);
    const scan = await stampedScan(browser);
    applicant = await waitingInstitution('复旦大学', '12310000MB00009170', scan, '2026-01-05T01:00:00Z');
    second = await waitingInstitution('同济大学', '12310000MB0000925T', scan, '2026-01-05T02:00:00Z');
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('compares the scan with the answers and returns the oldest application without a reload', async () => {
    const page = await signInToAdmin(browser, REVIEWER);
    await expect(page.getByTestId('waiting-institution').textContent({ timeout: 15_000 })).resolves.toMatch(/^\d+$/);
    await expect(page.getByTestId('mail-status').textContent()).resolves.toContain('邮件通知已开启');
    await saveScreenshot(page, 'admin-home');

    await page.getByRole('link', { name: '审核工作台', exact: true }).click();
    // The home has tables of its own (最近编辑): read the desk's once it is there.
    await page.waitForURL(/\/review-desk$/);
    await page.getByRole('heading', { name: '审核工作台' }).waitFor();
    const firstRow = page.locator('tbody tr').first();
    await expect(firstRow.textContent({ timeout: 15_000 })).resolves.toContain(applicant.applicationNo);
    // The photographed scan has no QR code of the form: the queue says so for the reviewer to check by eye.
    await expect(firstRow.getByTestId('scan-flag').textContent()).resolves.toBe('未识别二维码');
    await saveScreenshot(page, 'admin-review-desk');
    await firstRow.getByRole('link', { name: applicant.applicationNo }).click();
    await expect(page.getByTestId('review-status').textContent({ timeout: 15_000 })).resolves.toBe('等待实验室审批');

    // The three decisions side by side, nothing under a menu; no 保存 on fields the reviewer only reads.
    const decisions = page.getByRole('group', { name: '审核决定' });
    await expect(decisions.getByRole('button').allTextContents()).resolves.toEqual(['通过', '退回修改', '不通过']);
    await expect(page.getByRole('button', { name: '保存' }).count()).resolves.toBe(0);
    await expect(page.getByRole('button', { name: /More document actions|更多文档操作/ }).count()).resolves.toBe(0);

    // The scan opens beside the answers, in the same page: both on screen, side by side.
    await page.getByRole('button', { name: '查看扫描件' }).click();
    const scan = page.getByRole('complementary', { name: '盖章申请表扫描件' }).getByRole('img');
    await scan.waitFor({ timeout: 10_000 });
    await expect(scan.getAttribute('src')).resolves.toMatch(/^blob:/);
    const answer = page.locator('input[name="fullName"]');
    await expect(answer.inputValue()).resolves.toBe('复旦大学');
    const [scanBox, answerBox] = [await box(scan), await box(answer)];
    expect(answerBox.x + answerBox.width).toBeLessThanOrEqual(scanBox.x);
    expect(answerBox.y).toBeLessThan(900);
    expect(page.context().pages()).toHaveLength(1);
    await page.screenshot({ path: 'tests/e2e/screenshots/admin-record-scan-beside.png' });
    await page.getByRole('button', { name: '关闭扫描件' }).first().click();
    await saveScreenshot(page, 'admin-record');

    // A marker the page keeps only if it is not loaded again.
    await page.evaluate(() => Object.assign(window, { stillTheSamePage: true }));
    await decisions.getByRole('button', { name: '退回修改' }).click();
    const dialog = page.getByRole('dialog');
    // Sent without a reason on purpose: the server's 400 puts its message next to the field.
    watchAdmin(page).expect({ method: 'POST', path: /^\/review-desk\/records\/[^/]+\/decisions$/, status: 400 });
    await dialog.getByRole('button', { name: '确认退回修改' }).click();
    await dialog.getByText('请填写理由：退回修改、不通过或终止使用时必须说明原因').waitFor({ timeout: 10_000 });
    await dialog.getByLabel('理由').fill('盖章不清晰，请重新扫描后上传');
    await saveScreenshot(page, 'admin-return-dialog');
    await dialog.getByRole('button', { name: '确认退回修改' }).click();

    await page.getByTestId('review-status').filter({ hasText: '退回修改' }).waitFor({ timeout: 10_000 });
    await expect(page.evaluate(() => (window as { stillTheSamePage?: boolean }).stillTheSamePage)).resolves.toBe(true);
    await expect(page.getByTestId('decision-done').textContent()).resolves.toContain(`已退回修改：${applicant.applicationNo}`);
    await expect(page.getByTestId('review-history').textContent()).resolves.toContain('王审核员');
    // The edit view's own fields follow too: 退回修改 is no longer offered, the status field says so.
    await expect(decisions.count()).resolves.toBe(0);
    await saveScreenshot(page, 'admin-record-returned');

    // 下一条: the next oldest record of the same queue (等待实验室审批).
    await page.getByRole('link', { name: '下一条' }).click();
    await page
      .locator('input[name="recordNo"]')
      .and(page.locator(`[value="${second.applicationNo}"]`))
      .waitFor({ timeout: 15_000 });
    await expect(page.getByTestId('review-status').textContent({ timeout: 15_000 })).resolves.toBe('等待实验室审批');
    await expect(page.getByTestId('decision-done').count()).resolves.toBe(0);
    await saveScreenshot(page, 'admin-record-next');
    expectNoAdminProblems(page, 'reviewer');
    await page.close();
  });

  it('lists institutions with their review status and filters by it', async () => {
    const page = await signInToAdmin(browser, REVIEWER);
    await page.goto(cmsUrl(`/admin/content-manager/collection-types/${INSTITUTIONS}?page=1&pageSize=50&sort=submittedAt:ASC`));
    const row = (no: string) => page.locator('tbody tr', { hasText: no });
    await expect(row(applicant.applicationNo).textContent({ timeout: 15_000 })).resolves.toContain('退回修改');
    await expect(row(second.applicationNo).textContent()).resolves.toContain('等待实验室审批');
    await expect(page.locator('tbody').textContent()).resolves.not.toMatch(/published|已发布/i);
    await saveScreenshot(page, 'admin-institution-list');

    // Strapi's own filter: 审核状态 is 退回修改.
    await page.getByRole('button', { name: /^筛选/ }).click();
    await page.getByRole('combobox', { name: '选择字段' }).click();
    await page.getByRole('option', { name: '审核状态', exact: true }).click();
    await page.getByRole('combobox', { name: '审核状态' }).click();
    await page.getByRole('option', { name: '退回修改', exact: true }).click();
    await page.getByRole('button', { name: '添加筛选器' }).click();
    // The list empties while the filtered page loads: wait for the other row to go and this one to be drawn.
    await row(second.applicationNo).waitFor({ state: 'detached', timeout: 15_000 });
    await row(applicant.applicationNo).waitFor({ timeout: 15_000 });
    await expect(row(applicant.applicationNo).count()).resolves.toBe(1);
    await saveScreenshot(page, 'admin-institution-list-returned');
    expectNoAdminProblems(page, 'reviewer list');
    await page.close();
  });

  it('shows a county officer a home with their own queue, not the review desk they may not use', async () => {
    const page = await signInToAdmin(browser, COUNTY);
    await page.getByRole('navigation').first().waitFor();
    await page.waitForLoadState('networkidle');
    await saveScreenshot(page, 'admin-home-county');
    await expect(page.getByRole('link', { name: '审核工作台', exact: true }).count()).resolves.toBe(0);
    // The home checks each widget's permissions after it first draws; the desk's go once it has.
    await expect.poll(() => page.getByRole('link', { name: '打开审核工作台' }).count(), { timeout: 10_000 }).toBe(0);
    await expect(page.getByTestId('waiting-institution').count()).resolves.toBe(0);
    // Their own queue instead: the agency registrations waiting for them, once a 辖区 is assigned.
    await page.getByText('代理机构待审').waitFor({ timeout: 10_000 });
    await page.getByText('您的账号尚未分配辖区，请联系系统管理员在“辖区分配”中设置').waitFor({ timeout: 10_000 });
    expectNoAdminProblems(page, 'county officer');
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
