import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Staff, signInAs } from '../support/admin.ts';
import { inRegion, unitCode } from '../support/fixtures.ts';
import { downloadOf } from '../support/http.ts';
import { bootCms, createApiToken, type TestCms } from '../support/strapi.ts';

const code = (n: number) => unitCode(n, '91510100MA');
const CHENGDU = ['510100', '成都市'] as const;
const ZIGONG = ['510300', '自贡市'] as const;
const enterprise = (n: number, county: readonly [string, string], city: readonly [string, string]) =>
  inRegion(code(n), `企业${n}`, county, city);
const login = (n: number, ip: string, at: string, accountKind = 'enterprise', account = `${n}-1`) => ({
  account,
  enterpriseCode: code(n),
  accountKind,
  ip,
  at,
});
const ZIGONG_ENTERPRISES = [4, 6, 7, 8, 9, 10];
const CSV_TYPE = 'text/csv; charset=utf-8';
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const EXPORT = '/bureau-desk/direct-report/reports/2026-10';

/** The CSV's enterprise codes (first column), header left out. */
const csvCodes = async (response: Response) =>
  (await response.text())
    .replace(/^\uFEFF/, '')
    .trim()
    .split('\r\n')
    .slice(1)
    .map((line) => line.split(',')[0]);

const workbookOf = async (response: Response) => {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(await response.arrayBuffer());
  return workbook;
};

interface ReportBody {
  totals: { required: number };
  cities: Array<{ code: string; flags: string[]; counties: Array<{ code: string }> }>;
  sharedIps: Array<{ ip: string; enterprises: string[] }>;
  enterprises: Array<{ code: string; reason: string; adminAccounts: string[] }>;
  flagExplanations: Record<string, string>;
}

/**
 * The 一套表直报率 page's exports as each bureau reads them: filtered like the page, within the
 * officer's region (辖区分配), and with the admin accounts that logged in to an enterprise's data.
 * 成都 has four enterprises (锦江区 1 and 5, 青羊区 2 and 3; 3 and 5 never log in, 3 is opened by a
 * county's 综合管理员 account); 自贡's six report from their own offices and are last seen on one
 * machine, so its initial rate is 100% and its final 0% (seeds/004 §五).
 */
describe('the bureau exports the direct-reporting rates from the admin', () => {
  let cms: TestCms;
  let province: Staff;
  let city: Staff;
  let county: Staff;
  let unassigned: Staff;
  let reviewer: Staff;

  beforeAll(async () => {
    cms = await bootCms('bureau-exports');
    const token = await createApiToken(cms, 'full-access');
    [province, city, county, unassigned, reviewer] = await Promise.all([
      signInAs(cms, 'Province collection centre', 'province@exports.example'),
      signInAs(cms, 'City bureau', 'chengdu@exports.example'),
      signInAs(cms, 'County bureau', 'jinjiang@exports.example'),
      signInAs(cms, 'County bureau', 'nowhere@exports.example'),
      signInAs(cms, 'Reviewer', 'reviewer@exports.example'),
    ]);
    for (const [adminEmail, regionCode] of [
      ['chengdu@exports.example', '510100'],
      ['jinjiang@exports.example', '510104'],
    ]) {
      await cms.strapi.documents('api::jurisdiction.jurisdiction').create({ data: { adminEmail, regionCode } as never });
    }
    await cms.strapi.documents('api::reporting-period.reporting-period').create({
      data: { code: '2026-10', type: 'monthly', opensAt: '2026-11-01T00:00:00+08:00', closesAt: '2026-11-11T00:00:00+08:00' } as never,
    });
    const jinjiang = ['510104', '锦江区'] as const;
    const master = [
      enterprise(1, jinjiang, CHENGDU),
      enterprise(2, ['510105', '青羊区'], CHENGDU),
      enterprise(3, ['510105', '青羊区'], CHENGDU),
      enterprise(5, jinjiang, CHENGDU),
      ...ZIGONG_ENTERPRISES.map((n) => enterprise(n, ['510302', '自流井区'], ZIGONG)),
    ];
    const json = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    await fetch(`${cms.url}/api/direct-report/enterprises`, { method: 'PUT', headers: json, body: JSON.stringify(master) });
    const logins = [
      login(1, '10.0.0.1', '2026-11-02T09:00:00+08:00'),
      login(2, '10.0.0.2', '2026-11-02T09:00:00+08:00'),
      // seeds/004 §八: the county's staff open 企业3 with their own account: shown, never counted.
      login(3, '10.7.7.7', '2026-11-04T10:00:00+08:00', 'admin', 'jinjiang-zonghe-01'),
      login(3, '10.7.7.8', '2026-11-05T10:00:00+08:00', 'admin', 'qingyang-zonghe-02'),
      // Outside the period's window: not this period's trace.
      login(2, '10.7.7.9', '2026-10-20T10:00:00+08:00', 'admin', 'last-month-admin'),
      ...ZIGONG_ENTERPRISES.flatMap((n) => [
        login(n, `10.3.0.${n}`, '2026-11-02T09:00:00+08:00'),
        login(n, '10.9.9.9', '2026-11-08T15:00:00+08:00'),
      ]),
    ];
    await fetch(`${cms.url}/api/direct-report/login-events`, { method: 'POST', headers: json, body: JSON.stringify(logins) });
  });
  afterAll(async () => {
    await cms?.stop();
  });

  it('exports every enterprise of the province as CSV for the province, named after the period', async () => {
    const response = await province.call('GET', `${EXPORT}.csv`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(CSV_TYPE);
    expect(downloadOf(response)).toEqual({ disposition: 'attachment', name: 'direct-report-2026-10.csv' });
    expect(await csvCodes(response)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map(code));
  });

  it('exports what the page’s region and reason filters select, named after them', async () => {
    const qingyang = await province.call('GET', `${EXPORT}.csv?city=510100&county=510105`);
    expect(downloadOf(qingyang)).toEqual({ disposition: 'attachment', name: 'direct-report-2026-10-510105.csv' });
    expect(await csvCodes(qingyang)).toEqual([code(2), code(3)]);
    const absent = await province.call('GET', `${EXPORT}.xlsx?city=510100&reason=no_login`);
    expect(absent.headers.get('content-type')).toBe(XLSX_TYPE);
    expect(downloadOf(absent)).toEqual({ disposition: 'attachment', name: 'direct-report-2026-10-510100-no_login.xlsx' });
    const sheet = (await workbookOf(absent)).getWorksheet('企业明细');
    expect(sheet?.getColumn(1).values.slice(2)).toEqual([code(3), code(5)]);
    const bogus = await province.json<{ error: { message: string } }>('GET', `${EXPORT}.csv?reason=bogus`);
    expect(bogus.status).toBe(400);
  });

  it('keeps a county bureau to its county, in the file, its totals and the page', async () => {
    const response = await county.call('GET', `${EXPORT}.xlsx`);
    expect(response.status).toBe(200);
    expect(downloadOf(response)).toEqual({ disposition: 'attachment', name: 'direct-report-2026-10-510104.xlsx' });
    const workbook = await workbookOf(response);
    expect(workbook.getWorksheet('企业明细')?.getColumn(1).values.slice(2)).toEqual([code(1), code(5)]);
    expect(workbook.getWorksheet('汇总')?.getRow(3).values).toEqual([undefined, '应报企业数', 2]);
    expect(workbook.getWorksheet('各地区')?.getColumn(1).values.slice(2)).toEqual(['510100', '510104']);

    const trend = await county.json<Array<{ totals: { required: number } }>>('GET', '/bureau-desk/direct-report/periods');
    expect(trend.body.map((point) => point.totals.required)).toEqual([2]);
    const page = await county.json<ReportBody>('GET', '/bureau-desk/direct-report/reports/2026-10');
    expect(page.body.totals.required).toBe(2);
    expect(page.body.cities.map((c) => [c.code, c.counties.map((k) => k.code)])).toEqual([['510100', ['510104']]]);
    expect(page.body.enterprises.map((e) => e.code)).toEqual([code(1), code(5)]);

    const outside = await county.json<{ error: { message: string } }>('GET', `${EXPORT}.csv?county=510105`);
    expect(outside.status).toBe(403);
    expect(outside.body.error.message).toBe('所选地区不在您的辖区内');
  });

  it('keeps a city bureau to its city and its counties, shared addresses included', async () => {
    expect(await csvCodes(await city.call('GET', `${EXPORT}.csv`))).toEqual([1, 2, 3, 5].map(code));
    const qingyang = await city.call('GET', `${EXPORT}.csv?county=510105`);
    expect(downloadOf(qingyang)).toEqual({ disposition: 'attachment', name: 'direct-report-2026-10-510105.csv' });
    expect(await csvCodes(qingyang)).toEqual([code(2), code(3)]);
    expect((await city.call('GET', `${EXPORT}.csv?county=510302`)).status).toBe(403);
    expect((await city.call('GET', `${EXPORT}.xlsx?city=510300`)).status).toBe(403);
    // 自贡's shared machine is 自贡's business; the province sees it with its six enterprises.
    const page = await city.json<ReportBody>('GET', '/bureau-desk/direct-report/reports/2026-10');
    expect(page.body.cities.map((c) => c.code)).toEqual(['510100']);
    expect(page.body.sharedIps).toEqual([]);
    const whole = await province.json<ReportBody>('GET', '/bureau-desk/direct-report/reports/2026-10');
    expect(whole.body.sharedIps.map((s) => [s.ip, s.enterprises.length])).toEqual([['10.9.9.9', 6]]);
  });

  it('refuses a role without the report, and an officer with no region assigned', async () => {
    const refused = await reviewer.json<{ error: { message: string } }>('GET', `${EXPORT}.csv`);
    expect(refused.status).toBe(403);
    const unplaced = await unassigned.json<{ error: { message: string } }>('GET', `${EXPORT}.xlsx`);
    expect(unplaced.status).toBe(403);
    expect(unplaced.body.error.message).toBe('您的账号尚未分配辖区，请联系系统管理员在“辖区分配”中设置');
    expect((await province.call('GET', '/bureau-desk/direct-report/reports/1999-01.csv')).status).toBe(404);
  });

  it('names the admin accounts that logged in to an enterprise’s data, without counting them', async () => {
    const page = await city.json<ReportBody>('GET', '/bureau-desk/direct-report/reports/2026-10?county=510105');
    expect(page.body.enterprises.map((e) => [e.code, e.reason, e.adminAccounts])).toEqual([
      [code(2), 'direct', []],
      [code(3), 'no_login', ['jinjiang-zonghe-01', 'qingyang-zonghe-02']],
    ]);
    const csv = (await (await city.call('GET', `${EXPORT}.csv?county=510105`)).text()).replace(/^\uFEFF/, '').split('\r\n');
    expect(csv[0]?.split(',').at(-1)).toBe('管理员账号登录（不计入直报率）');
    expect(csv[2]?.split(',').at(-1)).toBe('jinjiang-zonghe-01、qingyang-zonghe-02');
  });

  it('explains each region’s flag in words, on the page and in the file', async () => {
    const page = await province.json<ReportBody>('GET', '/bureau-desk/direct-report/reports/2026-10');
    expect(page.body.cities.map((c) => [c.code, c.flags])).toEqual([
      ['510100', []],
      ['510300', ['operated_by_others']],
    ]);
    expect(page.body.flagExplanations.operated_by_others).toBe('初始直报率比末次高 5 个百分点以上：可能有他人用企业账号登录');
    const regions = (await workbookOf(await province.call('GET', `${EXPORT}.xlsx`))).getWorksheet('各地区');
    const zigong = regions?.getRows(2, regions.rowCount - 1)?.find((row) => row.getCell(1).value === '510300');
    expect(zigong?.values).toEqual([
      undefined,
      '510300',
      '自贡市',
      6,
      100,
      0,
      '初始直报率比末次高 5 个百分点以上：可能有他人用企业账号登录',
      // No known operator addresses listed (operator-addresses.test.ts fills that column).
      '',
    ]);
  });
});
