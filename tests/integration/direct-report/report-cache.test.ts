import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unitCode } from '../support/fixtures.ts';
import { bootCms, createApiToken, type TestCms } from '../support/strapi.ts';

const code = (n: number) => unitCode(n, '91510100MA');
const enterprise = (n: number, category = 'industry') => ({
  code: code(n),
  name: `企业${n}`,
  cityCode: '510100',
  cityName: '成都市',
  countyCode: '510104',
  countyName: '锦江区',
  category,
  active: true,
});
/** A login `hours` after the window of 2026-10 opens. */
const at = (hours: number) => new Date(Date.parse('2026-11-01T00:00:00+08:00') + hours * 3_600_000).toISOString();
const login = (n: number, ip: string, hours: number) => ({
  account: `${n}-1`,
  enterpriseCode: code(n),
  accountKind: 'enterprise',
  ip,
  at: at(hours),
});

describe('a report served again while nothing it reads has changed', () => {
  let cms: TestCms;
  let token: string;
  const call = (method: string, path: string, body?: unknown) =>
    fetch(`${cms.url}${path}`, {
      method,
      body: body === undefined ? undefined : JSON.stringify(body),
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    });
  const totals = async () => (await (await call('GET', '/api/direct-report/reports/2026-10')).json()).totals;
  const version = async () => (await cms.strapi.db.connection.raw('select sum(version)::text as v from dr_report_versions')).rows[0].v;

  beforeAll(async () => {
    cms = await bootCms('direct_report_cache');
    token = await createApiToken(cms, 'full-access');
    await cms.strapi.documents('api::reporting-period.reporting-period').create({
      // Open until well after today, so that a change to the master data made now counts in it.
      data: { code: '2026-10', type: 'monthly', opensAt: '2026-11-01T00:00:00+08:00', closesAt: '2099-01-01T00:00:00+08:00' } as never,
    });
    await call(
      'PUT',
      '/api/direct-report/enterprises',
      [1, 2, 3, 4, 5, 6, 7].map((n) => enterprise(n)),
    );
  });
  afterAll(async () => {
    await cms?.stop();
  });

  it('answers the same report twice without a change, and the next batch moves it', async () => {
    await call(
      'POST',
      '/api/direct-report/login-events',
      [1, 2, 3, 4, 5].map((n) => login(n, `10.0.0.${n}`, n)),
    );
    expect(await totals()).toMatchObject({ required: 7, loggedIn: 5, initialDirect: 5, finalDirect: 5 });
    const before = await version();
    expect(await totals()).toMatchObject({ loggedIn: 5 });
    // Reading changes nothing: the second read was served at the same version.
    expect(await version()).toBe(before);
    // A sixth enterprise logs in from 10.0.0.1, and then 2–5 too: six on one IP is more than 5, so
    // only 2–5's first logins, from their own addresses, stay direct.
    await call('POST', '/api/direct-report/login-events', [login(6, '10.0.0.1', 10), ...[2, 3, 4, 5].map((n) => login(n, '10.0.0.1', 20))]);
    expect(await totals()).toMatchObject({ required: 7, loggedIn: 6, initialDirect: 4, finalDirect: 0 });
  });

  it('follows a master-data change through the API, and one made straight in SQL as another instance would', async () => {
    await call('PUT', '/api/direct-report/enterprises', [{ ...enterprise(7), active: false }]);
    expect(await totals()).toMatchObject({ required: 6 });
    await cms.strapi.db.connection.raw(`update enterprises set category = 'construction' where code = ?`, [code(6)]);
    expect(await totals()).toMatchObject({ required: 5, loggedIn: 5 });
  });

  it('follows a delegation, the bureau’s parameters and a period’s window', async () => {
    await cms.strapi.documents('api::delegation.delegation').create({
      data: { enterpriseCode: code(1), agencyName: '成都某统计代理公司', effectiveFrom: '2026-01-01T00:00:00+08:00' } as never,
    });
    // Enterprise 1 is delegated: direct, and left out of 10.0.0.1's count (six less one, one construction).
    expect(await totals()).toMatchObject({ required: 5, initialDirect: 5, finalDirect: 5 });
    await cms.strapi.db.connection.raw('delete from delegations');
    expect(await totals()).toMatchObject({ initialDirect: 4, finalDirect: 0 });
    const settings = cms.strapi.documents('api::direct-report-setting.direct-report-setting');
    const saved = await settings.findFirst();
    if (saved) await settings.update({ documentId: saved.documentId, data: { threshold: 10 } as never });
    else await settings.create({ data: { threshold: 10 } as never });
    expect(await totals()).toMatchObject({ initialDirect: 5, finalDirect: 5 });
    await cms.strapi.db.connection.raw('update direct_report_settings set threshold = 5');
    expect(await totals()).toMatchObject({ initialDirect: 4, finalDirect: 0 });
    const periods = cms.strapi.documents('api::reporting-period.reporting-period');
    const period = await periods.findFirst({ filters: { code: '2026-10' } });
    // Closing the window at hour 15 leaves out 2–5's logins from 10.0.0.1, shared no more, and
    // takes the master data of then: 6 still industry, 7 still active.
    await periods.update({ documentId: period?.documentId ?? '', data: { closesAt: at(15) } as never });
    expect(await totals()).toMatchObject({ required: 7, loggedIn: 6, initialDirect: 6, finalDirect: 6 });
  });
});
