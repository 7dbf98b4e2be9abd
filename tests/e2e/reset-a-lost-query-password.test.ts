import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { validDataApplication } from '../integration/support/fixtures.ts';
import { launchBrowser } from './support/browser.ts';
import { approvedInstitution } from './support/institutions.ts';
import { fillByLabel, openPage, review, siteUrl } from './support/journey.ts';
import { cmsApi } from './support/staff.ts';

const PHONE = '13722223333';

/** The reset links mailed so far, in the order they were sent (the stack's SMTP server writes each mail to a file). */
async function resetLinks(): Promise<string[]> {
  const dir = inject('mailDir');
  const files = readdirSync(dir).sort((a, b) => Number.parseInt(a, 10) - Number.parseInt(b, 10));
  const mails = await Promise.all(files.map((file) => simpleParser(readFileSync(join(dir, file)))));
  return mails.flatMap((mail) =>
    mail.subject?.includes('重设查询密码') ? [/http\S+\/query\/reset\?token=[\w-]+/.exec(mail.text ?? '')?.[0] ?? ''] : [],
  );
}

describe('an applicant with two applications and a lost password', () => {
  let browser: Browser;
  let institution: { applicationNo: string; queryPassword: string };
  let application: { applicationNo: string; queryPassword: string };

  beforeAll(async () => {
    browser = await launchBrowser();
    const post = (path: string, body: unknown) =>
      cmsApi<{ applicationNo: string; queryPassword: string }>(path, { method: 'POST', body: JSON.stringify(body) });
    institution = await approvedInstitution({ contactPhone: PHONE, contactEmail: 'lost@univ.example' });
    application = await post('/api/public/data-applications', validDataApplication(institution.applicationNo, { leaderPhone: PHONE }));
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('sees both records with one password, then 退出 forgets them', async () => {
    const page = await openPage(browser);
    await page.goto(siteUrl('/query'));
    await fillByLabel(page, { 手机号码: PHONE, 查询密码: application.queryPassword });
    await page.getByRole('button', { name: '查询' }).click();
    await expect(page.locator('main').textContent()).resolves.toContain('该手机号码共有 2 条申请记录。');
    await expect(page.locator('tbody tr', { hasText: institution.applicationNo }).count()).resolves.toBe(1);
    await expect(page.locator('tbody tr', { hasText: application.applicationNo }).count()).resolves.toBe(1);
    await review(page, 'query-phone-records');

    await page.getByRole('button', { name: '退出' }).click();
    await page.waitForURL(/\/query$/);
    await expect(page.getByLabel('查询密码', { exact: true }).isVisible()).resolves.toBe(true);
    await page.goto(siteUrl('/query'));
    await expect(page.locator('tbody tr').count()).resolves.toBe(0);
    await page.close();
  }, 120_000);

  it('sets a new password through the emailed link, once', async () => {
    const page = await openPage(browser);
    await page.goto(siteUrl('/query'));
    await page.getByRole('link', { name: '忘记查询密码' }).click();
    await fillByLabel(page, { 申请编号: institution.applicationNo, 手机号码: PHONE });
    await review(page, 'forgot-query-password');
    await page.getByRole('button', { name: '发送重设链接' }).click();
    await expect(page.locator('main').textContent()).resolves.toContain('重设链接已发送');

    let link = '';
    for (let i = 0; i < 100 && !link; i++) {
      link = (await resetLinks()).at(-1) ?? '';
      if (!link) await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(link).toContain('/query/reset?token=');
    await page.goto(link);
    await page.getByRole('button', { name: '获取新的查询密码' }).click();
    const password = (await page.locator('#query-password').textContent()) ?? '';
    expect(password).toMatch(/^[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{2}$/);
    await review(page, 'new-query-password');

    // The link is spent, and the old password opens nothing; the new one opens both records.
    await page.goto(link);
    await page.getByRole('button', { name: '获取新的查询密码' }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toContain('链接已失效');
    await page.goto(siteUrl('/query'));
    await fillByLabel(page, { 手机号码: PHONE, 查询密码: institution.queryPassword });
    await page.getByRole('button', { name: '查询' }).click();
    await expect(page.locator('main').textContent()).resolves.toContain('手机号码或查询密码不正确');
    await fillByLabel(page, { 手机号码: PHONE, 查询密码: password });
    await page.getByRole('button', { name: '查询' }).click();
    await expect(page.locator('main').textContent()).resolves.toContain('该手机号码共有 2 条申请记录。');
    await page.close();
  }, 120_000);
});
