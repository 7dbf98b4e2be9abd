import type { Browser, Page } from 'playwright-core';
import { expect, inject } from 'vitest';
import { adminRoleCode } from '../../../config/src/admin/roles.ts';
import { expectNoAdminProblems } from './admin-problems.ts';
import { saveScreenshot } from './browser.ts';
import { cmsUrl, signInToAdmin } from './journey.ts';

export interface StaffMember {
  email: string;
  password: string;
  firstname: string;
  lastname: string;
}

/** A JSON call to the CMS, with a bearer token if given; throws on any answer but 2xx. */
export async function cmsApi<T>(path: string, init: RequestInit & { token?: string } = {}): Promise<T> {
  const response = await fetch(cmsUrl(path), {
    ...init,
    headers: { 'content-type': 'application/json', ...(init.token && { authorization: `Bearer ${init.token}` }) },
  });
  const body = (await response.json()) as T;
  if (!response.ok) throw new Error(`${path}: ${response.status} ${JSON.stringify(body)}`);
  return body;
}

/** A member of staff's admin JWT, as signing in to the admin gives it. */
export async function adminJwt(email: string, password: string): Promise<string> {
  const login = await cmsApi<{ data: { token: string } }>('/admin/login', { method: 'POST', body: JSON.stringify({ email, password }) });
  return login.data.token;
}

/** The super admin's admin JWT. */
export const superAdminJwt = (): Promise<string> => adminJwt(inject('adminEmail'), inject('adminPassword'));

/** A read-only API token, made as Settings → API Tokens makes it: what the data collection platform holds. */
export async function readOnlyApiToken(name: string): Promise<string> {
  const created = await cmsApi<{ data: { accessKey: string } }>('/admin/api-tokens', {
    method: 'POST',
    token: await superAdminJwt(),
    body: JSON.stringify({ name, type: 'read-only', lifespan: null, description: '' }),
  });
  return created.data.accessKey;
}

/**
 * The super admin invites a member of staff with one of StatDesk's roles (by its code name, e.g.
 * 'Reviewer'), who then sets a password: what Settings → Users and the invitation link do.
 */
export async function inviteStaff(roleName: string, member: StaffMember): Promise<void> {
  const token = await superAdminJwt();
  const roles = await cmsApi<{ data: Array<{ id: number; code: string }> }>('/admin/roles', { token });
  const role = roles.data.find((r) => r.code === adminRoleCode(roleName));
  if (!role) throw new Error(`No admin role ${roleName}`);
  const { firstname, lastname, email, password } = member;
  const invited = await cmsApi<{ data: { registrationToken: string } }>('/admin/users', {
    method: 'POST',
    token,
    body: JSON.stringify({ firstname, lastname, email, roles: [role.id] }),
  });
  await cmsApi('/admin/register', {
    method: 'POST',
    body: JSON.stringify({ registrationToken: invited.data.registrationToken, userInfo: { firstname, lastname, password } }),
  });
}

/**
 * A reviewer decides on a submission as at the desk: signs in, finds the record in the Content
 * Manager by its number, presses the decision in the record's 审核 panel, gives the reason if any
 * and confirms it; the panel then shows the new status. Fails on any console error or failed call
 * in the admin.
 */
async function decideAsReviewer(
  browser: Browser,
  reviewer: StaffMember,
  uid: string,
  recordNo: string,
  decision: { button: string; reason?: string; status: string; shot: string },
): Promise<void> {
  const page: Page = await signInToAdmin(browser, reviewer);
  try {
    await page.goto(cmsUrl(`/admin/content-manager/collection-types/${uid}?_q=${recordNo}`));
    const row = page.locator('tbody tr', { hasText: recordNo });
    await row.getByText(recordNo).click({ timeout: 20_000 });
    await expect(page.getByTestId('review-status').textContent({ timeout: 20_000 })).resolves.toBe('等待实验室审批');
    await page.getByRole('button', { name: decision.button, exact: true }).click();
    const dialog = page.getByRole('dialog');
    if (decision.reason) await dialog.getByLabel('理由').fill(decision.reason);
    await dialog.getByRole('button', { name: `确认${decision.button}` }).click();
    await page.getByTestId('review-status').filter({ hasText: decision.status }).waitFor({ timeout: 30_000 });
    await saveScreenshot(page, `admin-${decision.shot}`);
    expectNoAdminProblems(page, `reviewer deciding ${decision.button} on ${recordNo}`);
  } catch (error) {
    // What the reviewer saw when it went wrong, for whoever reads the failure.
    await saveScreenshot(page, 'admin-decision-failed');
    throw error;
  } finally {
    await page.close();
  }
}

/** 通过, as at the desk (decideAsReviewer). */
export const approveAsReviewer = (browser: Browser, reviewer: StaffMember, uid: string, recordNo: string): Promise<void> =>
  decideAsReviewer(browser, reviewer, uid, recordNo, { button: '通过', status: '审核通过', shot: 'approved' });

/** 退回修改 with a reason, as at the desk (decideAsReviewer). */
export const returnAsReviewer = (browser: Browser, reviewer: StaffMember, uid: string, recordNo: string, reason: string): Promise<void> =>
  decideAsReviewer(browser, reviewer, uid, recordNo, { button: '退回修改', reason, status: '退回修改', shot: 'returned' });
