import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cmPath, type Staff, signInAs } from '../support/admin.ts';
import { unitCode } from '../support/fixtures.ts';
import { downloadOf } from '../support/http.ts';
import { bootCms, createApiToken, type TestCms } from '../support/strapi.ts';

const code = (n: number) => unitCode(n, '91510100MA');
/** The same code with a check character that GB 32100 does not give it. */
const wrongCheck = (valid: string) => valid.slice(0, 17) + (valid[17] === '0' ? '1' : '0');
const enterprise = (n: number, overrides: Record<string, unknown> = {}) => ({
  code: code(n),
  name: `企业${n}`,
  cityCode: '510100',
  cityName: '成都市',
  countyCode: '510104',
  countyName: '锦江区',
  category: 'industry',
  active: true,
  ...overrides,
});
const login = (n: number, at = '2026-11-03T09:15:00+08:00', overrides: Record<string, unknown> = {}) => ({
  account: `${n}-1`,
  enterpriseCode: code(n),
  accountKind: 'enterprise',
  ip: '10.0.0.1',
  at,
  ...overrides,
});
const ndjson = (events: unknown[]) => events.map((e) => JSON.stringify(e)).join('\n');
const AT_REASON = 'at：应为带时区、确实存在的ISO 8601时间，如 2026-11-03T09:15:00+08:00';

/** What the platform's API refuses: impossible dates, wrong check characters, unknown regions, batches of nothing. */
describe('the direct-reporting API refuses bad input', () => {
  let cms: TestCms;
  let fullToken: string;
  let readOnlyToken: string;
  const call = (method: string, path: string, body?: string, contentType = 'application/json', token = fullToken) =>
    fetch(`${cms.url}${path}`, { method, body, headers: { authorization: `Bearer ${token}`, 'content-type': contentType } });
  const ingest = (events: unknown[]) => call('POST', '/api/direct-report/login-events', ndjson(events), 'application/x-ndjson');
  const storedAt = async (account: string) =>
    (await cms.strapi.db.connection.raw('select at from dr_login_events where account = ?', [account])).rows.map((r: { at: Date }) =>
      r.at.toISOString(),
    );

  let bureau: Staff;

  beforeAll(async () => {
    cms = await bootCms('direct_report_bad_input');
    bureau = await signInAs(cms, 'Bureau staff', 'bureau@bad-input.example');
    fullToken = await createApiToken(cms, 'full-access');
    readOnlyToken = await createApiToken(cms, 'read-only');
    await cms.strapi.documents('api::reporting-period.reporting-period').create({
      data: { code: '2026-10', type: 'monthly', opensAt: '2026-11-01T00:00:00+08:00', closesAt: '2026-11-11T00:00:00+08:00' } as never,
    });
  });
  afterAll(async () => {
    await cms?.stop();
  });

  it('refuses a login on 30 February instead of storing it as 2 March, and impossible times too', async () => {
    const impossible = ['2026-02-30T09:00:00+08:00', '2026-04-31T09:00:00+08:00', '2026-11-03T24:00:00+08:00', '2026-11-03T09:15:60+08:00'];
    const response = await ingest([login(1), ...impossible.map((at, i) => login(1, at, { account: `impossible-${i}` }))]);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      received: 5,
      accepted: 1,
      duplicates: 0,
      rejected: 4,
      rejections: [2, 3, 4, 5].map((line) => ({ line, reason: AT_REASON })),
    });
    expect(await storedAt('impossible-0')).toEqual([]);
    expect(await storedAt('1-1')).toEqual(['2026-11-03T01:15:00.000Z']);
  });

  it('refuses a login whose credit code has a wrong check character, and keeps a valid code the master data lacks', async () => {
    const unknownToMasterData = unitCode(777, '91510700MA');
    const response = await ingest([
      login(2, undefined, { account: 'wrong-check', enterpriseCode: wrongCheck(code(2)) }),
      login(2, undefined, { account: 'not-in-master-data', enterpriseCode: unknownToMasterData }),
    ]);
    expect(await response.json()).toEqual({
      received: 2,
      accepted: 1,
      duplicates: 0,
      rejected: 1,
      rejections: [{ line: 1, reason: 'enterpriseCode：统一社会信用代码的校验码（最后一位）不正确，请核对后重新输入' }],
    });
    expect(await storedAt('not-in-master-data')).toHaveLength(1);
  });

  it('refuses master data whose credit code has a wrong check character, naming the row', async () => {
    const response = await call(
      'PUT',
      '/api/direct-report/enterprises',
      JSON.stringify([enterprise(3), enterprise(4, { code: wrongCheck(code(4)) })]),
    );
    expect(response.status).toBe(400);
    expect((await response.json()).error).toEqual({
      status: 400,
      name: 'ValidationError',
      message: '请检查并修改标出的内容',
      details: { fields: { '1': 'code：统一社会信用代码的校验码（最后一位）不正确，请核对后重新输入' } },
    });
    const stored = await cms.strapi.db.connection.raw('select count(*)::int as n from enterprises');
    expect(stored.rows[0].n).toBe(0);
  });

  it('refuses a county outside the GB/T 2260 list, or of another city', async () => {
    const response = await call(
      'PUT',
      '/api/direct-report/enterprises',
      JSON.stringify([
        enterprise(5, { countyCode: '519999' }),
        enterprise(6, { countyCode: '510302', countyName: '自流井区' }),
        enterprise(7, { cityCode: '519900' }),
        enterprise(8),
      ]),
    );
    expect(response.status).toBe(400);
    expect((await response.json()).error.details.fields).toEqual({
      '0': 'countyCode：县区代码 519999 不在行政区划代码表（GB/T 2260）中',
      '1': 'countyCode：县区代码 510302（自贡市 自流井区）不属于市州 510100（成都市）',
      '2': 'cityCode：市州代码 519900 不在行政区划代码表（GB/T 2260）中',
    });
    const ok = await call('PUT', '/api/direct-report/enterprises', JSON.stringify([enterprise(8)]));
    expect(await ok.json()).toEqual({ received: 1, created: 1, updated: 0 });
  });

  it('answers 422 with the error contract and the rejections when no line at all is accepted', async () => {
    const response = await ingest([login(9, '2026-02-30T09:00:00+08:00'), { account: 'x' }]);
    expect(response.status).toBe(422);
    const rejections = [
      { line: 1, reason: AT_REASON },
      { line: 2, reason: 'enterpriseCode：请输入统一社会信用代码' },
    ];
    expect(await response.json()).toEqual({
      data: null,
      received: 2,
      accepted: 0,
      duplicates: 0,
      rejected: 2,
      rejections,
      error: {
        status: 422,
        name: 'ValidationError',
        message: '没有接受任何登录记录：2条全部被拒绝，原因见 rejections',
        details: { fields: {}, rejections },
      },
    });
  });

  it('answers 200 to an empty body and to a batch that was all already stored, even with refused lines beside it', async () => {
    expect((await call('POST', '/api/direct-report/login-events', '', 'application/x-ndjson')).status).toBe(200);
    expect((await call('POST', '/api/direct-report/login-events', '[]')).status).toBe(200);
    const batch = [login(10), login(11)];
    expect(await (await ingest(batch)).json()).toMatchObject({ accepted: 2, duplicates: 0 });
    const resent = await ingest([...batch, login(12, '2026-02-30T09:00:00+08:00')]);
    expect(resent.status).toBe(200);
    expect(await resent.json()).toMatchObject({ received: 3, accepted: 0, duplicates: 2, rejected: 1 });
  });

  it('lets a read-only token export the report as CSV and XLSX, and still not write', async () => {
    const csv = await call('GET', '/api/direct-report/reports/2026-10.csv', undefined, undefined, readOnlyToken);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(downloadOf(csv)).toEqual({ disposition: 'attachment', name: 'direct-report-2026-10.csv' });
    expect((await csv.text()).replace(/^\uFEFF/, '')).toMatch(/^统一社会信用代码,单位名称,/);
    const xlsx = await call('GET', '/api/direct-report/reports/2026-10.xlsx', undefined, undefined, readOnlyToken);
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get('content-type')).toContain('spreadsheetml');
    expect(downloadOf(xlsx)).toEqual({ disposition: 'attachment', name: 'direct-report-2026-10.xlsx' });
    expect((await call('GET', '/api/direct-report/reports/2026-10', undefined, undefined, readOnlyToken)).status).toBe(200);
    expect((await call('GET', '/api/direct-report/reports/2030-01.csv', undefined, undefined, readOnlyToken)).status).toBe(404);
    expect((await call('GET', '/api/direct-report/reports/2026-10.pdf', undefined, undefined, readOnlyToken)).status).toBe(404);

    const before = (await cms.strapi.db.connection.raw('select count(*)::int as n from dr_login_events')).rows[0].n;
    const write = (method: string, path: string, body: string) => call(method, path, body, undefined, readOnlyToken);
    expect((await write('POST', '/api/direct-report/login-events', JSON.stringify([login(13)]))).status).toBe(403);
    expect((await write('PUT', '/api/direct-report/enterprises', JSON.stringify([enterprise(13)]))).status).toBe(403);
    expect((await cms.strapi.db.connection.raw('select count(*)::int as n from dr_login_events')).rows[0].n).toBe(before);
    expect((await cms.strapi.db.connection.raw(`select count(*)::int as n from enterprises where code = ?`, [code(13)])).rows[0].n).toBe(0);
  });

  it('refuses a reporting period whose window names 30 February, no offset or ends before it opens, in zh-CN naming the field', async () => {
    const create = (opensAt: string, closesAt = '2027-03-11T00:00:00+08:00') =>
      bureau.json<{ error: { status: number; message: string; details: { errors: Array<{ path: string[] }> } } }>(
        'POST',
        cmPath('api::reporting-period.reporting-period'),
        { code: '2027-02', type: 'monthly', opensAt, closesAt },
      );
    const impossible = await create('2027-02-30T00:00:00+08:00');
    expect(impossible.status).toBe(400);
    expect(impossible.body.error.message).toBe('网报开始时间：应为带时区、确实存在的ISO 8601时间，如 2026-11-03T09:15:00+08:00');
    expect(impossible.body.error.details.errors.map((e) => e.path)).toEqual([['opensAt']]);
    // Without an offset Strapi would take the server's local time: the window would move with it.
    const local = await create('2027-03-01T00:00:00.000Z', '2027-03-11T00:00:00');
    expect(local.status).toBe(400);
    expect(local.body.error.message).toBe('网报截止时间：应为带时区、确实存在的ISO 8601时间，如 2026-11-03T09:15:00+08:00');
    const backwards = await create('2027-03-11T00:00:00+08:00', '2027-03-01T00:00:00+08:00');
    expect(backwards.status).toBe(400);
    expect(backwards.body.error.message).toBe('网报结束时间应晚于开始时间');
    expect(backwards.body.error.details.errors.map((e) => e.path)).toEqual([['closesAt']]);
    expect(await cms.strapi.db.query('api::reporting-period.reporting-period').count({ where: { code: '2027-02' } })).toBe(0);
    expect((await create('2027-03-01T00:00:00+08:00')).status).toBe(201);
  });

  it('refuses a delegation that takes effect on a day that does not exist, or ends when it starts', async () => {
    await expect(
      cms.strapi.documents('api::delegation.delegation').create({
        data: { enterpriseCode: code(1), agencyName: '成都某统计代理公司', effectiveFrom: '2026-02-29T00:00:00+08:00' } as never,
      }),
    ).rejects.toThrow('生效时间：应为带时区、确实存在的ISO 8601时间，如 2026-11-03T09:15:00+08:00');
    await expect(
      cms.strapi.documents('api::delegation.delegation').create({
        data: {
          enterpriseCode: code(1),
          agencyName: '成都某统计代理公司',
          effectiveFrom: '2026-03-01T00:00:00+08:00',
          effectiveTo: '2026-03-01T00:00:00+08:00',
        } as never,
      }),
    ).rejects.toThrow('委托结束时间应晚于开始时间');
  });

  it('refuses an enterprise saved in the admin with a wrong check character or a county of another city', async () => {
    const save = (overrides: Record<string, unknown>) =>
      bureau.json<{ error: { message: string; details: { errors: Array<{ path: string[]; message: string }> } } }>(
        'POST',
        cmPath('api::enterprise.enterprise'),
        enterprise(20, overrides),
      );
    const wrong = await save({ code: wrongCheck(code(20)), countyCode: '510302' });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.details.errors.map(({ path, message }) => ({ path, message }))).toEqual([
      { path: ['code'], message: '统一社会信用代码的校验码（最后一位）不正确，请核对后重新输入' },
      { path: ['countyCode'], message: '县区代码 510302（自贡市 自流井区）不属于市州 510100（成都市）' },
    ]);
    expect((await save({ code: code(20).toLowerCase() })).status).toBe(201);
    const stored = await cms.strapi.db.query('api::enterprise.enterprise').findOne({ where: { code: code(20) } });
    expect(stored?.countyCode).toBe('510104');
  });
});
