import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assignRegion, type Staff, signInAs } from '../support/admin.ts';
import { type AgencyFile, agencyMultipart, delegatorWorkbook } from '../support/agencies.ts';
import { SAMPLE_PDF, SAMPLE_PNG } from '../support/files.ts';
import { inJinjiang, unitCode, validAgency } from '../support/fixtures.ts';
import { downloadOf, fieldErrors } from '../support/http.ts';
import { bootCms, createApiToken, type TestCms } from '../support/strapi.ts';

const enterpriseCode = (n: number) => unitCode(n, '91510100MA');
const scans = { businessLicence: SAMPLE_PDF, legalPersonCertificate: SAMPLE_PNG };
/** A list as an agency saves it from Excel as CSV: UTF-8 with a BOM, a heading row, CRLF. */
const csvList = (rows: Array<[string, string]>) =>
  Buffer.from(`\uFEFF法人代码,企业名称\r\n${rows.map((row) => row.join(',')).join('\r\n')}\r\n`);
const ATTACHMENT = 'api::attachment.attachment';

describe('the original list of delegating enterprises, kept for the bureaus (seeds/004 §七: 清单电子文本)', () => {
  let cms: TestCms;
  let county: Staff;
  let city: Staff;
  let province: Staff;
  let neighbour: Staff;
  const register = async (answers: unknown, files: Record<string, AgencyFile>) => {
    const response = await fetch(`${cms.url}/api/public/agencies`, { method: 'POST', body: agencyMultipart(answers, files) });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };
  const listPath = (no: unknown) => `/bureau-desk/agencies/${String(no)}/documents/delegatorList`;
  type Seen = {
    documents: Array<{ purpose: string; fileName: string; mime: string; size: number }>;
    agency: { delegators: Array<{ code: string; listed: boolean; known: boolean }> };
  };

  beforeAll(async () => {
    cms = await bootCms('agency_list_file');
    [county, city, province, neighbour] = await Promise.all([
      signInAs(cms, 'County bureau', 'wuhou@list.example'),
      signInAs(cms, 'City bureau', 'chengdu@list.example'),
      signInAs(cms, 'Province collection centre', 'province@list.example'),
      signInAs(cms, 'County bureau', 'jinjiang@list.example'),
    ]);
    await assignRegion(cms, 'wuhou@list.example', '510107');
    await assignRegion(cms, 'chengdu@list.example', '510100');
    await assignRegion(cms, 'jinjiang@list.example', '510104');
    // Enterprise 2 is in the master data; 3 and 4 are not, and the reviewers are told so.
    await fetch(`${cms.url}/api/direct-report/enterprises`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${await createApiToken(cms, 'full-access')}`, 'content-type': 'application/json' },
      body: JSON.stringify([inJinjiang(enterpriseCode(2), '企业2')]),
    });
  });
  afterAll(async () => {
    await cms?.stop();
  });

  it('stores the CSV as uploaded, for the county, city and province of the region to download, and for no one else', async () => {
    const list = csvList([
      [enterpriseCode(2), '企业2'],
      [enterpriseCode(3), '企业3'],
      [enterpriseCode(4), '企业4'],
    ]);
    const { status, body } = await register(validAgency([]), {
      ...scans,
      delegatorList: { bytes: list, name: '../委托企业清单.csv' },
      listLetters: SAMPLE_PDF,
    });
    expect(status, JSON.stringify(body)).toBe(201);

    const seen = await county.json<Seen>('GET', `/bureau-desk/agencies/${String(body.registrationNo)}`);
    expect(seen.body.documents.find((d) => d.purpose === 'delegatorList')).toEqual({
      purpose: 'delegatorList',
      fileName: '委托企业清单.csv',
      mime: 'text/csv',
      size: list.length,
    });
    expect(seen.body.agency.delegators.map((d) => [d.listed, d.known])).toEqual([
      [true, true],
      [true, false],
      [true, false],
    ]);
    for (const officer of [county, city, province]) {
      const download = await officer.call('GET', `${listPath(body.registrationNo)}?download=1`);
      expect(download.status).toBe(200);
      expect(download.headers.get('content-type')).toMatch(/^text\/csv/);
      expect(downloadOf(download)).toEqual({ disposition: 'attachment', name: '委托企业清单.csv' });
      expect(download.headers.get('cache-control')).toBe('private, no-store');
      expect(Buffer.from(await download.arrayBuffer()).equals(list)).toBe(true);
    }
    // Another county's bureau, the public and a forged token read nothing.
    expect((await neighbour.call('GET', listPath(body.registrationNo))).status).toBe(403);
    expect((await fetch(`${cms.url}${listPath(body.registrationNo)}`)).status).toBe(401);
    const forged = await fetch(`${cms.url}${listPath(body.registrationNo)}`, { headers: { authorization: 'Bearer not-a-token' } });
    expect(forged.status).toBe(401);
    for (const path of ['/api/attachments', `/api/attachments?filters[purpose]=delegatorList`]) {
      const response = await fetch(`${cms.url}${path}`);
      expect([403, 404]).toContain(response.status);
      expect(await response.text()).not.toContain('委托企业清单');
    }
  });

  it('stores an Excel list as a workbook, under its own content type', async () => {
    const book = await delegatorWorkbook([[enterpriseCode(5), '企业5']]);
    const { status, body } = await register(validAgency([{ code: enterpriseCode(6), name: '企业6' }]), {
      ...scans,
      'letter.0': SAMPLE_PDF,
      delegatorList: { bytes: book, name: '清单.xlsx' },
      listLetters: SAMPLE_PDF,
    });
    expect(status, JSON.stringify(body)).toBe(201);
    const download = await province.call('GET', listPath(body.registrationNo));
    expect(download.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(Buffer.from(await download.arrayBuffer()).equals(book)).toBe(true);
  });

  it('refuses a list with a bad row, naming it on the list field, and writes nothing', async () => {
    const [agencies, attachments] = await Promise.all([
      cms.strapi.db.query('api::agency.agency').count({}),
      cms.strapi.db.query(ATTACHMENT).count({}),
    ]);
    const { status, body } = await register(validAgency([]), {
      ...scans,
      delegatorList: {
        bytes: csvList([
          [enterpriseCode(7), '企业7'],
          ['91510100MA0000000X', '坏代码'],
        ]),
        name: '清单.csv',
      },
      listLetters: SAMPLE_PDF,
    });
    expect(status).toBe(400);
    expect(fieldErrors(body)).toEqual({ delegatorList: '第3行：统一社会信用代码的校验码（最后一位）不正确，请核对后重新输入' });
    expect(await cms.strapi.db.query('api::agency.agency').count({})).toBe(agencies);
    expect(await cms.strapi.db.query(ATTACHMENT).count({})).toBe(attachments);
  });

  it('keeps the listed enterprises when a refused agency resubmits without sending the list again', async () => {
    const list = csvList([[enterpriseCode(8), '企业8']]);
    const registered = await register(validAgency([]), {
      ...scans,
      delegatorList: { bytes: list, name: '清单.csv' },
      listLetters: SAMPLE_PDF,
    });
    const no = String(registered.body.registrationNo);
    expect(
      (await county.json('POST', `/bureau-desk/agencies/${no}/decisions`, { decision: 'reject', reason: '营业执照不清晰' })).status,
    ).toBe(200);
    const lookUp = await fetch(`${cms.url}/api/public/agencies/lookup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ registrationNo: no, password: registered.body.queryPassword }),
    });
    const { token } = (await lookUp.json()) as { token: string };
    const again = await fetch(`${cms.url}/api/public/agencies/mine/resubmit`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
      body: agencyMultipart(validAgency([{ code: enterpriseCode(9), name: '企业9' }]), {
        businessLicence: SAMPLE_PNG,
        'letter.0': SAMPLE_PDF,
      }),
    });
    expect(again.status, await again.clone().text()).toBe(200);
    const seen = await county.json<Seen>('GET', `/bureau-desk/agencies/${no}`);
    expect(seen.body.agency.delegators.map((d) => [d.code, d.listed])).toEqual([
      [enterpriseCode(9), false],
      [enterpriseCode(8), true],
    ]);
    expect(seen.body.documents.filter((d) => d.purpose === 'delegatorList')).toHaveLength(1);
    expect(Buffer.from(await (await county.call('GET', listPath(no))).arrayBuffer()).equals(list)).toBe(true);
  });

  it('takes a spreadsheet as an attachment only as the list', async () => {
    const row = { recordNo: 'DL-2026-999999', fileName: 'x.csv', mime: 'text/csv', size: 1, sha256: '0'.repeat(64), storageKey: 'k' };
    await expect(
      cms.strapi.documents(ATTACHMENT).create({ data: { ...row, purpose: 'letter.0', uploadedAt: new Date().toISOString() } }),
    ).rejects.toThrow('must have the purpose delegatorList');
  });
});
