import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unitCode } from '../support/fixtures.ts';
import { bootCms, createApiToken, type TestCms } from '../support/strapi.ts';

const code = (n: string) => unitCode(Number(n), '91510100MA');
const enterprise = (id: string, category: string, countyCode: string, countyName: string, cityCode = '510100', cityName = '成都市') => ({
  code: code(id),
  name: `企业${id}`,
  cityCode,
  cityName,
  countyCode,
  countyName,
  category,
  active: true,
});
/** A login `hours` after the window of 2026-10 opens (2026-11-01 00:00 Beijing time). */
const at = (hours: number) => new Date(Date.parse('2026-11-01T00:00:00+08:00') + hours * 3_600_000).toISOString();
const loginOf = (id: string, ip: string, hours: number, extra: Record<string, string> = {}) => ({
  account: `${id}-1`,
  enterpriseCode: code(id),
  accountKind: 'enterprise',
  ip,
  at: at(hours),
  ...extra,
});
const ndjson = (events: unknown[]) => events.map((e) => JSON.stringify(e)).join('\n');

describe('the direct-reporting API', () => {
  let cms: TestCms;
  let fullToken: string;
  let readOnlyToken: string;
  const call = (method: string, path: string, body?: string, headers: Record<string, string> = {}, token = fullToken) =>
    fetch(`${cms.url}${path}`, { method, body, headers: { ...(token && { authorization: `Bearer ${token}` }), ...headers } });

  beforeAll(async () => {
    cms = await bootCms('direct_report_api');
    fullToken = await createApiToken(cms, 'full-access');
    readOnlyToken = await createApiToken(cms, 'read-only');
    await cms.strapi.documents('api::reporting-period.reporting-period').create({
      data: { code: '2026-10', type: 'monthly', opensAt: '2026-11-01T00:00:00+08:00', closesAt: '2026-11-11T00:00:00+08:00' } as never,
    });
    await cms.strapi.documents('api::delegation.delegation').create({
      data: { enterpriseCode: code('9'), agencyName: '成都某统计代理公司', effectiveFrom: '2026-01-01T00:00:00+08:00' } as never,
    });
  });
  afterAll(async () => {
    await cms?.stop();
  });

  it('refuses every route without a token, and ingestion with a read-only token', async () => {
    // Without a token the caller has not authenticated: 401 (cms/src/middlewares/token-required.ts).
    const oneEvent = JSON.stringify([loginOf('1', '10.0.0.1', 1)]);
    expect((await call('POST', '/api/direct-report/login-events', oneEvent, { 'content-type': 'application/json' }, '')).status).toBe(401);
    expect((await call('GET', '/api/direct-report/reports/2026-10', undefined, {}, '')).status).toBe(401);
    expect((await call('PUT', '/api/direct-report/enterprises', '[]', { 'content-type': 'application/json' }, '')).status).toBe(401);
    expect(
      (await call('POST', '/api/direct-report/login-events', oneEvent, { 'content-type': 'application/json' }, 'not-a-token')).status,
    ).toBe(401);
    expect(
      (await call('POST', '/api/direct-report/login-events', oneEvent, { 'content-type': 'application/json' }, readOnlyToken)).status,
    ).toBe(403);
    const stored = await cms.strapi.db.connection.raw('select count(*)::int as n from dr_login_events');
    expect(stored.rows[0].n).toBe(0);
    expect((await call('PUT', '/api/direct-report/enterprises', '[]', { 'content-type': 'application/json' }, readOnlyToken)).status).toBe(
      403,
    );
  });

  it('upserts enterprise master data by code, and refuses a bad row with its reason', async () => {
    const master = [
      ...['1', '2', '3', '4', '5', '6'].map((i) => enterprise(i, 'industry', '510104', '锦江区')),
      enterprise('7', 'trade', '510105', '青羊区'),
      enterprise('8', 'real_estate', '510105', '青羊区'),
      enterprise('9', 'industry', '510302', '自流井区', '510300', '自贡市'),
      enterprise('10', 'construction', '510302', '自流井区', '510300', '自贡市'),
    ];
    const first = await call('PUT', '/api/direct-report/enterprises', JSON.stringify(master), { 'content-type': 'application/json' });
    expect(await first.json()).toEqual({ received: 10, created: 10, updated: 0 });
    const again = await call('PUT', '/api/direct-report/enterprises', JSON.stringify(master.slice(0, 2)), {
      'content-type': 'application/json',
    });
    expect(await again.json()).toEqual({ received: 2, created: 0, updated: 2 });
    const bad = await call('PUT', '/api/direct-report/enterprises', JSON.stringify([{ ...master[0], category: 'mining' }]), {
      'content-type': 'application/json',
    });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(await bad.json())).toContain('专业应为');
  });

  it('ingests NDJSON, reports each rejected line with its reason, and does not count a re-sent batch twice', async () => {
    const events = [
      // Six enterprises first log in at one business-park address, then each from its own office.
      ...['1', '2', '3', '4', '5', '6'].map((i, n) => loginOf(i, '10.0.0.1', 1 + n)),
      ...['1', '2', '3', '4', '5', '6'].map((i, n) => loginOf(i, `10.1.0.${n + 1}`, 100 + n)),
      loginOf('7', '10.2.0.7', 5),
      // A comprehensive administrator checks from the park: never counted (seeds/004 §八).
      loginOf('7', '10.0.0.1', 6, { account: 'admin-01', accountKind: 'admin' }),
      // The delegated enterprise logs in from the park too: it counts as direct and is left out of n(ip).
      loginOf('9', '10.0.0.1', 7),
      // Outside the window.
      loginOf('8', '10.3.0.8', -5),
    ];
    const body = `${ndjson(events)}\n{"account":"x","enterpriseCode":"bad","accountKind":"enterprise","ip":"10.0.0.1","at":"${at(1)}"}\nnot json\n{"account":"y","enterpriseCode":"${code('7')}","accountKind":"robot","ip":"1.2.3.4","at":"${at(1)}"}\n{"account":"z","enterpriseCode":"${code('7')}","accountKind":"enterprise","ip":"999.1.1.1","at":"${at(1)}"}\n{"account":"z","enterpriseCode":"${code('7')}","accountKind":"enterprise","ip":"1.1.1.1","at":"2026-11-01 08:00"}\n{"account":"a\\u0000b","enterpriseCode":"${code('7')}","accountKind":"enterprise","ip":"1.1.1.1","at":"${at(1)}"}\n{"id":"x\\ny","account":"a","enterpriseCode":"${code('7')}","accountKind":"enterprise","ip":"1.1.1.1","at":"${at(1)}"}`;
    const first = await (await call('POST', '/api/direct-report/login-events', body, { 'content-type': 'application/x-ndjson' })).json();
    expect(first).toEqual({
      received: 23,
      accepted: 16,
      duplicates: 0,
      rejected: 7,
      rejections: [
        { line: 17, reason: 'enterpriseCode：统一社会信用代码应为18位' },
        { line: 18, reason: '不是有效的JSON' },
        { line: 19, reason: 'accountKind：应为 enterprise 或 admin' },
        { line: 20, reason: 'ip：不是有效的IPv4或IPv6地址' },
        { line: 21, reason: 'at：应为带时区、确实存在的ISO 8601时间，如 2026-11-03T09:15:00+08:00' },
        // PostgreSQL text cannot hold U+0000; a newline would shift the batch's columns.
        { line: 22, reason: 'account：不能含换行等控制字符' },
        { line: 23, reason: 'id：不能含换行等控制字符' },
      ],
    });
    const resent = await (
      await call('POST', '/api/direct-report/login-events', ndjson(events), { 'content-type': 'application/x-ndjson' })
    ).json();
    expect(resent).toMatchObject({ received: 16, accepted: 0, duplicates: 16, rejected: 0 });
    const asArray = await (
      await call('POST', '/api/direct-report/login-events', JSON.stringify(events.slice(0, 3)), { 'content-type': 'application/json' })
    ).json();
    expect(asArray).toMatchObject({ received: 3, accepted: 0, duplicates: 3 });
  });

  it('reports the hand-checked numbers of this dataset', async () => {
    const report = await (await call('GET', '/api/direct-report/reports/2026-10')).json();
    // Required: 1–6, 7, 8 (no login) and 9 (delegated); 10 is construction, rated only quarterly.
    expect(report.totals).toEqual({ required: 9, loggedIn: 8, initialDirect: 2, finalDirect: 8, initialRate: 22.22, finalRate: 88.89 });
    const chengdu = report.cities.find((c: { code: string }) => c.code === '510100');
    expect(chengdu).toMatchObject({
      name: '成都市',
      required: 8,
      initialDirect: 1,
      finalDirect: 7,
      initialRate: 12.5,
      finalRate: 87.5,
      flags: ['allocated'],
    });
    expect(chengdu.counties.map((c: { code: string; flags: string[] }) => [c.code, c.flags])).toEqual([
      ['510104', ['allocated']],
      ['510105', []],
    ]);
    expect(report.sharedIps).toEqual([
      expect.objectContaining({ ip: '10.0.0.1', enterpriseCount: 6, accounts: ['1-1', '2-1', '3-1', '4-1', '5-1', '6-1'] }),
    ]);
    const byCode = Object.fromEntries(report.enterprises.map((e: { code: string; reason: string }) => [e.code, e.reason]));
    expect(byCode[code('1')]).toBe('shared_first_ip');
    expect(byCode[code('7')]).toBe('direct');
    expect(byCode[code('8')]).toBe('no_login');
    expect(byCode[code('9')]).toBe('delegated');
    expect(byCode[code('10')]).toBeUndefined();
  });

  it('filters and pages the enterprise explanations', async () => {
    const shared = await (await call('GET', '/api/direct-report/reports/2026-10?reason=shared_first_ip&pageSize=4&page=2')).json();
    expect(shared.pagination).toEqual({ page: 2, pageSize: 4, total: 6, pageCount: 2 });
    expect(shared.enterprises).toHaveLength(2);
    const county = await (await call('GET', '/api/direct-report/reports/2026-10?county=510105')).json();
    expect(county.enterprises.map((e: { code: string }) => e.code)).toEqual([code('7'), code('8')]);
  });

  it('refuses a region filter outside the GB/T 2260 list of Sichuan instead of answering with nothing', async () => {
    const unknown = await call('GET', '/api/direct-report/reports/2026-10?county=510199');
    expect(unknown.status).toBe(400);
    expect(await unknown.json()).toMatchObject({
      error: {
        status: 400,
        message: '县区代码 510199 不在行政区划代码表（GB/T 2260）中',
        details: { fields: { county: '县区代码 510199 不在行政区划代码表（GB/T 2260）中' } },
      },
    });
    const elsewhere = await (await call('GET', '/api/direct-report/reports/2026-10?city=510300&county=510105')).json();
    expect(elsewhere.error.details.fields).toEqual({ county: '县区代码 510105（成都市 青羊区）不属于市州 510300（自贡市）' });
    // A county the old, partial list lacked is a region like any other.
    const xindu = await call('GET', '/api/direct-report/reports/2026-10?city=510100&county=510114');
    expect(xindu.status).toBe(200);
  });

  it('follows the bureau moving a period’s window, its summary rebuilt when the period is saved', async () => {
    const periods = cms.strapi.documents('api::reporting-period.reporting-period');
    const period = await periods.findFirst({ filters: { code: '2026-10' } });
    const summarised = async () =>
      (await cms.strapi.db.connection.raw(`select count(*)::int as n from dr_period_logins where period_code = '2026-10'`)).rows[0].n;
    // Closing the window at hour 50 leaves out 1–6's later logins from their own offices.
    await periods.update({ documentId: period?.documentId ?? '', data: { closesAt: at(50) } as never });
    expect(await summarised()).toBe(8);
    const cut = await (await call('GET', '/api/direct-report/reports/2026-10')).json();
    expect(cut.totals).toEqual({ required: 9, loggedIn: 8, initialDirect: 2, finalDirect: 2, initialRate: 22.22, finalRate: 22.22 });
    await periods.update({ documentId: period?.documentId ?? '', data: { closesAt: '2026-11-11T00:00:00+08:00' } as never });
    const whole = await (await call('GET', '/api/direct-report/reports/2026-10')).json();
    expect(whole.totals).toMatchObject({ initialDirect: 2, finalDirect: 8 });
  });

  it('lets a renamed or deleted period’s summary go, every table of it', async () => {
    const periods = cms.strapi.documents('api::reporting-period.reporting-period');
    const rowsOf = async (periodCode: string) => {
      const counts = await cms.strapi.db.connection.raw(
        `select (select count(*) from dr_period_logins where period_code = :p) + (select count(*) from dr_period_ip_accounts where period_code = :p)
              + (select count(*) from dr_period_ip_enterprises where period_code = :p) + (select count(*) from dr_period_ips where period_code = :p)
              + (select count(*) from dr_period_summaries where period_code = :p) as n`,
        { p: periodCode },
      );
      return Number(counts.rows[0].n);
    };
    // The same window as 2026-10, so its summary is built from the logins already stored.
    const copy = await periods.create({
      data: { code: '2026-11', type: 'monthly', opensAt: '2026-11-01T00:00:00+08:00', closesAt: '2026-11-11T00:00:00+08:00' } as never,
    });
    expect(await rowsOf('2026-11')).toBeGreaterThan(20);
    await periods.update({ documentId: copy.documentId, data: { code: '2026-12' } as never });
    expect(await rowsOf('2026-11')).toBe(0);
    expect(await rowsOf('2026-12')).toBeGreaterThan(20);
    await periods.delete({ documentId: copy.documentId });
    expect(await rowsOf('2026-12')).toBe(0);
    expect(await rowsOf('2026-10')).toBeGreaterThan(20);
  });

  it('answers an unknown period with 404 and a period without data with an empty report', async () => {
    expect((await call('GET', '/api/direct-report/reports/2030-01')).status).toBe(404);
    await cms.strapi.documents('api::reporting-period.reporting-period').create({
      data: { code: '2025-Q1', type: 'quarterly', opensAt: '2025-04-01T00:00:00+08:00', closesAt: '2025-04-21T00:00:00+08:00' } as never,
    });
    const empty = await (await call('GET', '/api/direct-report/reports/2025-Q1')).json();
    expect(empty.totals).toMatchObject({ required: 10, loggedIn: 0, initialDirect: 0, initialRate: 0 });
    expect(empty.sharedIps).toEqual([]);
  });

  it('exports the explanations as CSV and XLSX with Chinese headers', async () => {
    const csv = await (await call('GET', '/api/direct-report/reports/2026-10.csv')).text();
    const [header, ...rows] = csv
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(header).toBe(
      '统一社会信用代码,单位名称,市州代码,县区代码,专业,首次登录IP,末次登录IP,首次IP企业数,末次IP企业数,统计代理,初始直报,末次直报,说明,管理员账号登录（不计入直报率）',
    );
    expect(rows).toHaveLength(9);
    expect(rows.find((r) => r.startsWith(code('1')))).toBe(
      `${code('1')},企业1,510100,510104,规模以上工业,10.0.0.1,10.1.0.1,6,1,否,否,是,首次登录IP上超过阈值的企业,`,
    );
    const response = await call('GET', '/api/direct-report/reports/2026-10.xlsx');
    expect(response.headers.get('content-type')).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    expect(workbook.getWorksheet('汇总')?.getRow(7).values).toEqual([undefined, '初始直报率(%)', 22.22]);
    expect(workbook.getWorksheet('企业明细')?.rowCount).toBe(10);
  });

  it('streams a 100 000-line NDJSON body', async () => {
    const lines = Array.from({ length: 100_000 }, (_, i) =>
      JSON.stringify(loginOf(String(1000 + (i % 5000)), `10.8.${(i >> 8) & 255}.${i & 255}`, 1 + (i % 200), { account: `bulk-${i}` })),
    );
    const response = await call('POST', '/api/direct-report/login-events', `${lines.join('\n')}\n`, {
      'content-type': 'application/x-ndjson',
    });
    expect(await response.json()).toMatchObject({ received: 100_000, accepted: 100_000, rejected: 0 });
    const stored = await cms.strapi.db.connection.raw(`select count(*)::int as n from dr_login_events where account like 'bulk-%'`);
    expect(stored.rows[0].n).toBe(100_000);
  }, 120_000);

  it('breaks a tie between logins at one instant by arrival, across batches written side by side', async () => {
    const tied = enterprise('20', 'industry', '510104', '锦江区');
    await call('PUT', '/api/direct-report/enterprises', JSON.stringify([tied]), { 'content-type': 'application/json' });
    // Batches of 5 000 are written two at a time. The logins at hour 30 are lines 1, 10 000 (the
    // second batch's last) and 10 001 (the third's first): first(e) is the first to arrive, last(e)
    // the last. (The rule-agreement test writes such batches in the wrong order on purpose.)
    const filler = (from: number, count: number) =>
      Array.from({ length: count }, (_, i) =>
        loginOf(String(3000 + ((from + i) % 4000)), `10.9.${((from + i) >> 8) & 255}.${(from + i) & 255}`, 40),
      );
    const events = [
      loginOf('20', '10.20.0.1', 30),
      ...filler(0, 9998),
      loginOf('20', '10.20.0.2', 30),
      loginOf('20', '10.20.0.3', 30),
      ...filler(9998, 4000),
    ];
    expect(
      await (await call('POST', '/api/direct-report/login-events', ndjson(events), { 'content-type': 'application/x-ndjson' })).json(),
    ).toMatchObject({ received: 14_001, accepted: 14_001 });
    const report = await (await call('GET', `/api/direct-report/reports/2026-10?county=510104&pageSize=1000`)).json();
    expect(report.enterprises.find((e: { code: string }) => e.code === code('20'))).toMatchObject({
      firstIp: '10.20.0.1',
      lastIp: '10.20.0.3',
      reason: 'direct',
    });
  }, 60_000);
});
