import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inJinjiang, unitCode } from '../support/fixtures.ts';
import { callWithToken } from '../support/http.ts';
import { bootCms, createApiToken, type TestCms } from '../support/strapi.ts';

const code = (n: number) => unitCode(n, '91510100MA');
const enterprise = (n: number) => inJinjiang(code(n), `企业${n}`);
const october = { code: '2026-10', type: 'monthly', opensAt: '2026-11-01T00:00:00+08:00', closesAt: '2026-11-11T00:00:00+08:00' };
const thirdQuarter = { code: '2026-Q3', type: 'quarterly', opensAt: '2026-10-01T00:00:00+08:00', closesAt: '2026-10-16T00:00:00+08:00' };
const delegation = (n: number, extra: Record<string, unknown> = {}) => ({
  enterpriseCode: code(n),
  agencyName: '成都某统计代理有限公司',
  agencyNo: 'DL-2026-000001',
  effectiveFrom: '2026-01-01T00:00:00+08:00',
  ...extra,
});

/** The calendar, the delegations and the rule's settings, written by the data collection platform with an API token. */
describe('the platform writes what the rule reads', () => {
  let cms: TestCms;
  let fullToken: string;
  let readOnlyToken: string;
  const call = (method: string, path: string, body?: unknown, token = fullToken) => callWithToken(cms.url, token, method, path, body);
  const count = async (table: string) => (await cms.strapi.db.connection.raw(`select count(*)::int as n from ${table}`)).rows[0].n;
  const totalsOf = async (query = '') => (await call('GET', `/api/direct-report/reports/2026-10${query}`)).body.totals;

  beforeAll(async () => {
    cms = await bootCms('direct_report_calendar_api');
    fullToken = await createApiToken(cms, 'full-access');
    readOnlyToken = await createApiToken(cms, 'read-only');
    // Six enterprises log in from one office IP on 3 November: more than the default threshold of 5.
    expect((await call('PUT', '/api/direct-report/enterprises', [1, 2, 3, 4, 5, 6].map(enterprise))).status).toBe(200);
    const logins = [1, 2, 3, 4, 5, 6].map((n) => ({
      account: `${n}-1`,
      enterpriseCode: code(n),
      accountKind: 'enterprise',
      ip: '10.1.1.1',
      at: '2026-11-03T09:15:00+08:00',
    }));
    expect((await call('POST', '/api/direct-report/login-events', logins)).status).toBe(200);
  });
  afterAll(async () => {
    await cms?.stop();
  });

  it('stores the calendar by code, again and again alike, and lets a read-only token read it', async () => {
    expect(await call('PUT', '/api/direct-report/periods', [october, thirdQuarter])).toEqual({
      status: 200,
      body: { received: 2, created: 2, updated: 0 },
    });
    expect(await call('PUT', '/api/direct-report/periods', [october, thirdQuarter])).toEqual({
      status: 200,
      body: { received: 2, created: 0, updated: 2 },
    });
    expect(await count('reporting_periods')).toBe(2);
    expect(await call('GET', '/api/direct-report/periods', undefined, readOnlyToken)).toEqual({
      status: 200,
      body: {
        data: [
          { code: '2026-Q3', type: 'quarterly', opensAt: '2026-09-30T16:00:00.000Z', closesAt: '2026-10-15T16:00:00.000Z', closing: null },
          { code: '2026-10', type: 'monthly', opensAt: '2026-10-31T16:00:00.000Z', closesAt: '2026-11-10T16:00:00.000Z', closing: null },
        ],
      },
    });
  });

  it('refuses a period whose code does not fit its type, whose window is backwards or whose date is impossible, and stores none of the batch', async () => {
    const answer = await call('PUT', '/api/direct-report/periods', [
      { ...october, code: '2026-11', opensAt: '2026-12-01T00:00:00+08:00', closesAt: '2026-12-11T00:00:00+08:00' },
      { ...october, code: '2026-Q4' },
      { ...october, closesAt: '2026-10-20T00:00:00+08:00' },
      { ...october, opensAt: '2026-02-30T00:00:00+08:00' },
      { ...october, type: 'weekly', colour: 'red' },
      october,
    ]);
    expect(answer.status).toBe(400);
    expect(answer.body.error.details.fields).toEqual({
      '1.code': '月报的网报期代码应为年-月，如 2026-10',
      '2.closesAt': '网报结束时间应晚于开始时间',
      '3.opensAt': '应为带时区、确实存在的ISO 8601时间，如 2026-11-03T09:15:00+08:00',
      '4': '不认识的字段：colour',
      '4.type': '类型应为 monthly（月报）或 quarterly（季报）',
    });
    const twice = await call('PUT', '/api/direct-report/periods', [october, { ...october, closesAt: '2026-11-12T00:00:00+08:00' }]);
    expect(twice.body.error.details.fields).toEqual({ '1.code': '同一批中网报期代码 2026-10 出现了不止一次' });
    expect((await call('PUT', '/api/direct-report/periods', { code: '2026-10' })).body.error.details.fields).toEqual({
      _body: '请求体应为数组',
    });
    expect(await count('reporting_periods')).toBe(2);
  });

  it('moves a period’s window for the report when the platform changes it', async () => {
    expect(await totalsOf()).toMatchObject({ required: 6, loggedIn: 6 });
    const later = { ...october, opensAt: '2026-11-04T00:00:00+08:00' };
    expect((await call('PUT', '/api/direct-report/periods', [later])).status).toBe(200);
    expect(await totalsOf()).toMatchObject({ required: 6, loggedIn: 0 });
    expect((await call('PUT', '/api/direct-report/periods', [october])).status).toBe(200);
    expect(await totalsOf()).toMatchObject({ required: 6, loggedIn: 6, initialDirect: 0 });
  });

  it('computes a what-if report with another threshold or IP scope and leaves everyone’s settings alone', async () => {
    expect(await totalsOf('?threshold=6')).toMatchObject({ initialDirect: 6, finalDirect: 6, initialRate: 100 });
    const whatIf = await call('GET', '/api/direct-report/reports/2026-10?threshold=6&scope=rank', undefined, readOnlyToken);
    expect(whatIf.body.parameters).toMatchObject({ threshold: 6, ipCountScope: 'rank' });
    expect(await totalsOf()).toMatchObject({ initialDirect: 0 });
    expect((await call('GET', '/api/direct-report/settings')).body).toMatchObject({ threshold: 5, ipCountScope: 'period' });

    const refused = await call('GET', '/api/direct-report/reports/2026-10?threshold=0&scope=everything');
    expect(refused.status).toBe(400);
    expect(refused.body.error.details.fields).toEqual({
      threshold: 'threshold 应为正整数',
      scope: 'ipCountScope（或 scope）应为 period 或 rank',
    });
  });

  it('stores the province’s delegations by enterprise, agency and start, and the rule reads them', async () => {
    expect(await call('PUT', '/api/direct-report/delegations', [delegation(1)])).toEqual({
      status: 200,
      body: { received: 1, created: 1, updated: 0 },
    });
    // The delegated enterprise counts as direct and leaves the IP count: five remain, within the threshold.
    expect(await totalsOf()).toMatchObject({ initialDirect: 6 });
    const ended = delegation(1, { effectiveTo: '2026-11-01T00:00:00+08:00' });
    expect(await call('PUT', '/api/direct-report/delegations', [ended])).toEqual({
      status: 200,
      body: { received: 1, created: 0, updated: 1 },
    });
    // Ended when the window opens: not in force for the period, so all six share the IP again.
    expect(await totalsOf()).toMatchObject({ initialDirect: 0 });
    expect(await call('GET', `/api/direct-report/delegations?enterprise=${code(1)}`, undefined, readOnlyToken)).toEqual({
      status: 200,
      body: {
        data: [
          {
            enterpriseCode: code(1),
            agencyName: '成都某统计代理有限公司',
            agencyNo: 'DL-2026-000001',
            effectiveFrom: '2025-12-31T16:00:00.000Z',
            effectiveTo: '2026-10-31T16:00:00.000Z',
          },
        ],
      },
    });
  });

  it('refuses a delegation with a wrong credit code or a backwards window, and stores none of the batch', async () => {
    const before = await count('delegations');
    const wrongCheck = `${code(2).slice(0, 17)}${code(2)[17] === '0' ? '1' : '0'}`;
    const answer = await call('PUT', '/api/direct-report/delegations', [
      delegation(3),
      delegation(2, { enterpriseCode: wrongCheck }),
      delegation(4, { effectiveTo: '2025-06-01T00:00:00+08:00' }),
      delegation(5, { agencyName: ' ' }),
    ]);
    expect(answer.status).toBe(400);
    expect(Object.keys(answer.body.error.details.fields)).toEqual(['1.enterpriseCode', '2.effectiveTo', '3.agencyName']);
    expect(answer.body.error.details.fields['1.enterpriseCode']).toMatch(/校验码/);
    expect(answer.body.error.details.fields['2.effectiveTo']).toBe('委托结束时间应晚于开始时间');
    const unknownQuery = await call('GET', '/api/direct-report/delegations?enterprise=123');
    expect(unknownQuery.status).toBe(400);
    expect(await count('delegations')).toBe(before);
  });

  it('lets a full-access token replace the settings, and a read-only token read but not write them', async () => {
    const settings = {
      threshold: 6,
      ipCountScope: 'rank',
      anomalyDelta: 3,
      scope: { monthly: ['industry'], quarterly: ['industry', 'construction'] },
    };
    expect((await call('PUT', '/api/direct-report/settings', settings, readOnlyToken)).status).toBe(403);
    expect((await call('PUT', '/api/direct-report/periods', [october], readOnlyToken)).status).toBe(403);
    expect((await call('PUT', '/api/direct-report/delegations', [delegation(6)], readOnlyToken)).status).toBe(403);
    expect(await call('PUT', '/api/direct-report/settings', settings)).toEqual({ status: 200, body: settings });
    expect(await call('GET', '/api/direct-report/settings', undefined, readOnlyToken)).toEqual({ status: 200, body: settings });
    expect(await totalsOf()).toMatchObject({ initialDirect: 6 });

    const refused = await call('PUT', '/api/direct-report/settings', { ...settings, threshold: 2.5, scope: { monthly: ['mining'] } });
    expect(refused.status).toBe(400);
    expect(refused.body.error.details.fields).toMatchObject({
      threshold: 'threshold 应为正整数',
      'scope.monthly.0': '专业应为 industry、trade、real_estate、construction 之一',
    });
    expect((await call('GET', '/api/direct-report/settings')).body).toEqual(settings);
  });
});
