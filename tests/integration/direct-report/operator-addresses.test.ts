import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inJinjiang, inRegion, unitCode } from '../support/fixtures.ts';
import { callWithToken } from '../support/http.ts';
import { bootCms, createApiToken, type TestCms } from '../support/strapi.ts';

const code = (n: number) => unitCode(n, '91510100MA');
const october = { code: '2026-10', type: 'monthly', opensAt: '2026-11-01T00:00:00+08:00', closesAt: '2026-11-11T00:00:00+08:00' };
const townships = { network: '10.20.0.0/16', label: '锦江区各街道统计站', cause: 'township_station' };
const office = { network: '10.20.5.16/28', label: '锦江区统计局', cause: 'bureau_office' };
const agent = { network: '192.0.2.7', label: '成都某统计代理有限公司', cause: 'agent_agency' };

interface Report {
  sharedIps: Array<{ ip: string; operator: { network: string; label: string; cause: string } | null }>;
  operatorCauses: Array<{ code: string; cause: string; enterprises: number }>;
  operatorCauseLabels: Record<string, string>;
}

/**
 * The bureau's known operator addresses (seeds/004 §六): 锦江区's statistics office logs in for six
 * enterprises from one machine of its /28, a street station for a seventh, an agency for an
 * eighth in 自贡; a ninth logs in from its own office.
 */
describe('the report names who is behind a shared IP', () => {
  let cms: TestCms;
  let fullToken: string;
  let readOnlyToken: string;
  const call = (method: string, path: string, body?: unknown, token = fullToken) => callWithToken(cms.url, token, method, path, body);
  const login = (n: number, ip: string) => ({
    account: `${n}-1`,
    enterpriseCode: code(n),
    accountKind: 'enterprise',
    ip,
    at: '2026-11-03T09:15:00+08:00',
  });
  const report = async () => (await call('GET', '/api/direct-report/reports/2026-10')).body as Report;

  beforeAll(async () => {
    cms = await bootCms('direct_report_operator_addresses');
    fullToken = await createApiToken(cms, 'full-access');
    readOnlyToken = await createApiToken(cms, 'read-only');
    const master = [
      ...[1, 2, 3, 4, 5, 6, 7, 9].map((n) => inJinjiang(code(n), `企业${n}`)),
      inRegion(code(8), '企业8', ['510302', '自流井区'], ['510300', '自贡市']),
    ];
    expect((await call('PUT', '/api/direct-report/enterprises', master)).status).toBe(200);
    expect((await call('PUT', '/api/direct-report/periods', [october])).status).toBe(200);
    const logins = [
      ...[1, 2, 3, 4, 5, 6].map((n) => login(n, '10.20.5.20')),
      login(7, '10.20.99.1'),
      login(8, '192.0.2.7'),
      login(9, '172.16.0.9'),
    ];
    expect((await call('POST', '/api/direct-report/login-events', logins)).status).toBe(200);
  });
  afterAll(async () => {
    await cms?.stop();
  });

  it('stores the addresses by network, again and again alike, and lets a read-only token read them', async () => {
    expect(await call('PUT', '/api/direct-report/operator-addresses', [townships, office, agent])).toEqual({
      status: 200,
      body: { received: 3, created: 3, updated: 0 },
    });
    expect(await call('PUT', '/api/direct-report/operator-addresses', [{ ...agent, network: '192.000.2.7' }])).toEqual({
      status: 200,
      body: { received: 1, created: 0, updated: 1 },
    });
    expect(await call('GET', '/api/direct-report/operator-addresses', undefined, readOnlyToken)).toEqual({
      status: 200,
      body: { data: [townships, office, agent].sort((a, b) => (a.network < b.network ? -1 : 1)) },
    });
    expect((await call('PUT', '/api/direct-report/operator-addresses', [agent], readOnlyToken)).status).toBe(403);
  });

  it('refuses a range written from one of its hosts, an unknown kind, a missing label and a repeat, and stores none of the batch', async () => {
    const answer = await call('PUT', '/api/direct-report/operator-addresses', [
      { ...townships, network: '10.30.1.5/16' },
      { ...office, network: '10.40.0.0/16', cause: 'neighbour' },
      { network: '10.50.0.1', cause: 'township_station' },
      { ...agent, network: '10.60.0.1' },
      { ...agent, network: '10.60.0.1' },
    ]);
    expect(answer.status).toBe(400);
    expect(answer.body.error.details.fields).toEqual({
      '0.network': '网段应从起始地址写起：如指整个网段，请填写 10.30.0.0/16；如只指一个地址，请去掉“/”及其后的数字',
      '1.cause': '请选择地址所属单位的类别',
      '2.label': '请填写这个地址是谁的（如：XX镇统计站），不超过100个字符',
    });
    const repeated = await call('PUT', '/api/direct-report/operator-addresses', [agent, agent]);
    expect(repeated.body.error.details.fields).toEqual({ '1.network': '同一批中地址 192.0.2.7 出现了不止一次' });
    expect((await call('GET', '/api/direct-report/operator-addresses')).body.data).toHaveLength(3);
  });

  it('checks an address typed in the admin as the API does, and stores it in one form', async () => {
    const addresses = cms.strapi.documents('api::operator-address.operator-address');
    await expect(
      addresses.create({ data: { network: '10.70.1.1/8', label: '某主管部门', cause: 'supervising_department' } }),
    ).rejects.toThrow('网段应从起始地址写起：如指整个网段，请填写 10.0.0.0/8');
    const created = await addresses.create({
      data: { network: ' 2001:DB8:0::/48 ', label: '某主管部门', cause: 'supervising_department' },
    });
    expect(created.network).toBe('2001:db8::/48');
    await addresses.delete({ documentId: created.documentId });
  });

  it('labels a shared IP by the most specific known range it falls in', async () => {
    const { sharedIps } = await report();
    expect(sharedIps).toEqual([expect.objectContaining({ ip: '10.20.5.20', operator: office })]);
  });

  it('counts per 县区 and 市州 the enterprises each kind of operator logged in for', async () => {
    const { operatorCauses, operatorCauseLabels } = await report();
    expect(operatorCauses).toEqual([
      { code: '510100', cause: 'bureau_office', enterprises: 6 },
      { code: '510100', cause: 'township_station', enterprises: 1 },
      { code: '510104', cause: 'bureau_office', enterprises: 6 },
      { code: '510104', cause: 'township_station', enterprises: 1 },
      { code: '510300', cause: 'agent_agency', enterprises: 1 },
      { code: '510302', cause: 'agent_agency', enterprises: 1 },
    ]);
    expect(operatorCauseLabels.bureau_office).toBe('统计局');
  });

  it('writes the causes in words beside each region in the exported file', async () => {
    const response = await fetch(`${cms.url}/api/direct-report/reports/2026-10.xlsx`, {
      headers: { authorization: `Bearer ${fullToken}` },
    });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    const regions = workbook.getWorksheet('各地区');
    const header = regions?.getRow(1).values as unknown[];
    expect(header.at(-1)).toBe('已知操作单位用企业账号登录');
    const jinjiang = regions?.getRows(2, regions.rowCount - 1)?.find((row) => row.getCell(1).value === '510104');
    expect((jinjiang?.values as unknown[] | undefined)?.at(-1)).toBe('统计局用企业账号登录：6 家；乡镇统计站用企业账号登录：1 家');
  });

  it('says nothing of causes when the bureau lists no addresses', async () => {
    const rows = await cms.strapi.documents('api::operator-address.operator-address').findMany({});
    for (const row of rows) await cms.strapi.documents('api::operator-address.operator-address').delete({ documentId: row.documentId });
    const { sharedIps, operatorCauses } = await report();
    expect(sharedIps.map((s) => s.operator)).toEqual([null]);
    expect(operatorCauses).toEqual([]);
  });
});
