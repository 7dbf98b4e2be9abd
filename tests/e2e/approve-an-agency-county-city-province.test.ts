import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { computeCreditCodeCheckChar } from '../../config/src/validators/credit-code.ts';
import { SAMPLE_PDF, SAMPLE_PNG } from '../integration/support/files.ts';
import { expectNoAdminProblems } from './support/admin-problems.ts';
import { launchBrowser, saveScreenshot } from './support/browser.ts';
import { cmsUrl, signInToAdmin } from './support/journey.ts';
import { cmsApi, inviteStaff, type StaffMember } from './support/staff.ts';

const creditCode = (body17: string) => body17 + computeCreditCodeCheckChar(body17);
const officer = (level: string, region: string): StaffMember & { region: string } => ({
  email: `${level}.chain@e2e.example`,
  password: `${level}-Chain-2026`,
  firstname: '科员',
  lastname: level,
  region,
});
const COUNTY = officer('county', '510107');
const CITY = officer('city', '510100');
const PROVINCE = officer('province', '510000');

/** An agency of 武侯区 registers through the public API, with its documents. */
const agencyAnswers = {
  agencyName: '成都链审财务咨询有限公司',
  creditCode: creditCode('91510107MA0000903'),
  countyCode: '510107',
  address: '成都市武侯区某某路3号',
  contactName: '钱多',
  contactPhone: '13900139003',
  delegators: [{ code: creditCode('91510104MA0000904'), name: '成都链审制造有限公司' }],
};

async function registeredAgency(): Promise<{ registrationNo: string; queryPassword: string }> {
  const form = new FormData();
  form.append('data', JSON.stringify(agencyAnswers));
  const documents = { businessLicence: SAMPLE_PDF, legalPersonCertificate: SAMPLE_PNG, 'letter.0': SAMPLE_PDF };
  for (const [name, bytes] of Object.entries(documents)) form.append(name, new Blob([new Uint8Array(bytes)]), `${name}.pdf`);
  const response = await fetch(cmsUrl('/api/public/agencies'), { method: 'POST', body: form });
  expect(response.status).toBe(201);
  return (await response.json()) as { registrationNo: string; queryPassword: string };
}

/** The agency, refused, supplements a letter and resubmits under its number with its look-up token. */
async function resubmitAgency(registrationNo: string, queryPassword: string): Promise<void> {
  const { token } = await cmsApi<{ token: string }>('/api/public/agencies/lookup', {
    method: 'POST',
    body: JSON.stringify({ registrationNo, password: queryPassword }),
  });
  const form = new FormData();
  form.append('data', JSON.stringify(agencyAnswers));
  form.append('letter.0', new Blob([new Uint8Array(SAMPLE_PNG)]), '盖章委托书.png');
  const response = await fetch(cmsUrl('/api/public/agencies/mine/resubmit'), {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
    body: form,
  });
  expect(response.status).toBe(200);
}

/** 辖区分配 for an officer, saved by the super admin as in the Content Manager. */
async function assignRegion(email: string, regionCode: string): Promise<void> {
  const login = await cmsApi<{ data: { token: string } }>('/admin/login', {
    method: 'POST',
    body: JSON.stringify({ email: inject('adminEmail'), password: inject('adminPassword') }),
  });
  await cmsApi('/content-manager/collection-types/api::jurisdiction.jurisdiction', {
    method: 'POST',
    token: login.data.token,
    body: JSON.stringify({ adminEmail: email, regionCode }),
  });
}

/**
 * An officer opens the registration from their home's queue, presses their level's button in the
 * record's actions, fills in the dialog and confirms; the 审核 panel then shows the next status.
 */
async function decideAsOfficer(
  browser: Browser,
  member: StaffMember,
  no: string,
  step: { button: string; next: string; date?: string; reason?: string; sees?: string[] },
) {
  const page: Page = await signInToAdmin(browser, member);
  try {
    await page.getByRole('link', { name: '打开待审列表' }).click({ timeout: 40_000 });
    await page.locator('tbody tr', { hasText: no }).getByText(no).click({ timeout: 40_000 });
    // What the levels below decided, and why, before this level decides (seeds/004 §七).
    for (const line of step.sees ?? []) await page.getByTestId('agency-decisions').getByText(line).waitFor({ timeout: 40_000 });
    // Without 保存 (an officer may only read the fields), both decisions are buttons side by side.
    await page.getByRole('button', { name: step.button, exact: true }).click({ timeout: 40_000 });
    const dialog = page.getByRole('dialog');
    if (step.date) await dialog.getByLabel('委托生效日期').fill(step.date);
    if (step.reason) await dialog.getByLabel('理由').fill(step.reason);
    await dialog.getByRole('button', { name: step.button.startsWith('确认') ? step.button : `确认${step.button}` }).click();
    await page.getByText(step.next, { exact: true }).first().waitFor({ timeout: 30_000 });
    // An officer reads the agency's fields and decides; Strapi's greyed-out 保存 is not offered.
    await expect(page.getByRole('button', { name: '保存', exact: true }).count()).resolves.toBe(0);
    await saveScreenshot(page, `admin-agency-${member.lastname}`);
    expectNoAdminProblems(page, `${member.lastname} officer deciding ${no}`);
  } catch (error) {
    await saveScreenshot(page, `admin-agency-${member.lastname}-failed`);
    throw error;
  } finally {
    await page.close();
  }
}

describe('an agency approved county → city → province in the admin (seeds/004 §七)', () => {
  let browser: Browser;
  let registrationNo: string;
  let queryPassword: string;

  beforeAll(async () => {
    browser = await launchBrowser();
    await inviteStaff('County bureau', COUNTY);
    await inviteStaff('City bureau', CITY);
    await inviteStaff('Province collection centre', PROVINCE);
    await assignRegion(COUNTY.email, COUNTY.region);
    await assignRegion(CITY.email, CITY.region);
    ({ registrationNo, queryPassword } = await registeredAgency());
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('is reviewed by the county, refused by the city, resubmitted to the city under its number, approved and confirmed', async () => {
    await decideAsOfficer(browser, COUNTY, registrationNo, { button: '县区审核通过', next: '待市州统计局审批' });
    await decideAsOfficer(browser, CITY, registrationNo, {
      button: '不通过',
      next: '未通过',
      reason: '委托书未加盖公章',
      sees: ['县区统计局：县区审核通过'],
    });
    await resubmitAgency(registrationNo, queryPassword);
    await decideAsOfficer(browser, CITY, registrationNo, {
      button: '市州审批通过',
      next: '待省数据采集中心确认',
      sees: ['县区统计局：县区审核通过', '市州统计局：不通过', '理由：委托书未加盖公章'],
    });
    await decideAsOfficer(browser, PROVINCE, registrationNo, {
      button: '确认生效',
      next: '已确认生效',
      date: '2026-12-01',
      sees: ['县区统计局：县区审核通过', '市州统计局：市州审批通过'],
    });

    // The agency reads the same on its own look-up, with the date its delegations take effect.
    const lookUp = await cmsApi<{ agency: { status: string; effectiveDate: string | null } }>('/api/public/agencies/lookup', {
      method: 'POST',
      body: JSON.stringify({ registrationNo, password: queryPassword }),
    });
    expect(lookUp.agency).toMatchObject({ status: 'confirmed', effectiveDate: '2026-12-01' });
  }, 600_000);
});
