import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { computeCreditCodeCheckChar } from '../../config/src/validators/credit-code.ts';
import { SAMPLE_PDF, SAMPLE_PNG } from '../integration/support/files.ts';
import { launchBrowser } from './support/browser.ts';
import { cmsUrl, fillByLabel, openPage, review, siteUrl } from './support/journey.ts';
import { cmsApi } from './support/staff.ts';

const creditCode = (body17: string) => body17 + computeCreditCodeCheckChar(body17);
const agency = {
  agencyName: '成都补正财务咨询有限公司',
  creditCode: creditCode('91510107MA0000905'),
  countyCode: '510107',
  address: '成都市武侯区某某路5号',
  contactName: '孙补',
  contactPhone: '13900139005',
  delegators: [{ code: creditCode('91510104MA0000906'), name: '成都补正制造有限公司' }],
};

/** Registered through the public API, then refused by the county (as the super admin may decide at any level). */
async function refusedAgency(): Promise<{ registrationNo: string; queryPassword: string }> {
  const form = new FormData();
  form.append('data', JSON.stringify(agency));
  for (const [name, bytes] of Object.entries({ businessLicence: SAMPLE_PDF, legalPersonCertificate: SAMPLE_PNG, 'letter.0': SAMPLE_PDF }))
    form.append(name, new Blob([new Uint8Array(bytes)]), `${name}.pdf`);
  const registered = (await (await fetch(cmsUrl('/api/public/agencies'), { method: 'POST', body: form })).json()) as {
    registrationNo: string;
    queryPassword: string;
  };
  const login = await cmsApi<{ data: { token: string } }>('/admin/login', {
    method: 'POST',
    body: JSON.stringify({ email: inject('adminEmail'), password: inject('adminPassword') }),
  });
  await cmsApi(`/bureau-desk/agencies/${registered.registrationNo}/decisions`, {
    method: 'POST',
    token: login.data.token,
    body: JSON.stringify({ decision: 'reject', reason: '委托书未加盖企业公章' }),
  });
  return registered;
}

describe('a refused agency supplements its documents and resubmits under the same number (seeds/004 §七)', () => {
  let browser: Browser;
  let files: string;
  beforeAll(async () => {
    browser = await launchBrowser();
    files = mkdtempSync(join(tmpdir(), 'agency-resubmit-e2e-'));
  });
  afterAll(async () => {
    await browser?.close();
    rmSync(files, { recursive: true, force: true });
  });

  it('reads the reason on its look-up, answers again, replaces one letter and is back with the county', async () => {
    const { registrationNo, queryPassword } = await refusedAgency();
    const page = await openPage(browser);
    await page.goto(siteUrl('/agencies/lookup'));
    await fillByLabel(page, { 登记编号: registrationNo, 查询密码: queryPassword });
    await page.getByRole('button', { name: '查询' }).click();
    await expect(page.locator('#agency-status').textContent()).resolves.toBe('未通过');
    await expect(page.locator('#agency-reason').textContent()).resolves.toContain('委托书未加盖企业公章');
    await page.getByRole('link', { name: '补充材料后重新提交' }).click();

    await expect(page.locator('h1').textContent()).resolves.toBe(`补充材料后重新提交：${registrationNo}`);
    await fillByLabel(page, {
      代理机构名称: agency.agencyName,
      办公地址: agency.address,
      联系人: agency.contactName,
      联系电话: agency.contactPhone,
    });
    await page.getByLabel('统一社会信用代码', { exact: true }).first().fill(agency.creditCode);
    await page.getByLabel('所在县（市、区）').selectOption('510107');
    const row = page.locator('[data-row]').first();
    await row.getByLabel('统一社会信用代码').fill(agency.delegators[0]?.code ?? '');
    await row.getByLabel('企业名称').fill(agency.delegators[0]?.name ?? '');
    await page.getByRole('button', { name: '继续' }).click();

    await expect(page.locator('h1').textContent()).resolves.toBe('检查您填写的内容');
    await expect(page.locator('body').textContent()).resolves.toContain('未重新上传的材料沿用原登记中的文件');
    const letter = join(files, 'stamped-letter.png');
    writeFileSync(letter, SAMPLE_PNG);
    // Only the letter the reason named; the licence and certificate stay as first sent.
    await page.getByLabel('成都补正制造有限公司的委托书').setInputFiles(letter);
    await review(page, 'agency-resubmit-check');
    await page.getByRole('button', { name: '确认并提交' }).click();

    expect(new URL(page.url()).pathname).toBe('/agencies/lookup');
    await expect(page.locator('#agency-status').textContent()).resolves.toBe('待县区统计局审核');
    await expect(page.locator('#agency-history').textContent()).resolves.toContain('补充材料后重新提交');
    await review(page, 'agency-resubmitted');
    await page.close();

    // The same number, not a new registration.
    const { token } = await cmsApi<{ token: string }>('/api/public/agencies/lookup', {
      method: 'POST',
      body: JSON.stringify({ registrationNo, password: queryPassword }),
    });
    const mine = await cmsApi<{ agency: { registrationNo: string; status: string } }>('/api/public/agencies/mine', { token });
    expect(mine.agency).toMatchObject({ registrationNo, status: 'county_review' });
  }, 180_000);
});
