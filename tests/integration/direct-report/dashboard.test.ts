import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Staff, signInAs } from '../support/admin.ts';
import { inRegion, unitCode } from '../support/fixtures.ts';
import { bootCms, createApiToken, type TestCms } from '../support/strapi.ts';

const code = (n: number) => unitCode(n, '91510100MA');
const enterprise = (n: number, countyCode: string, countyName: string, cityCode: string, cityName: string) =>
  inRegion(code(n), `企业${n}`, [countyCode, countyName], [cityCode, cityName]);
const login = (n: number, ip: string, at: string) => ({ account: `${n}-1`, enterpriseCode: code(n), accountKind: 'enterprise', ip, at });

interface Region {
  code: string;
  name: string;
  required: number;
  initialRate: number | null;
  finalRate: number | null;
  counties: Region[];
}

/**
 * The bureau's dashboard reads the same report as the API through admin routes: the trend over
 * periods and a period's report drilled to a 市州 or 县区. Checked on a hand-made dataset: 成都
 * has three enterprises (two log in from their own offices, one never), 自贡 one that logs in.
 */
describe('the direct-reporting dashboard’s admin routes', () => {
  let cms: TestCms;
  let bureau: Staff;
  let reviewer: Staff;

  beforeAll(async () => {
    cms = await bootCms('dashboard');
    const token = await createApiToken(cms, 'full-access');
    [bureau, reviewer] = await Promise.all([
      signInAs(cms, 'Bureau staff', 'bureau@dashboard.example'),
      signInAs(cms, 'Reviewer', 'reviewer@dashboard.example'),
    ]);
    for (const [periodCode, opensAt, closesAt] of [
      ['2026-09', '2026-10-01T00:00:00+08:00', '2026-10-11T00:00:00+08:00'],
      ['2026-10', '2026-11-01T00:00:00+08:00', '2026-11-11T00:00:00+08:00'],
    ]) {
      await cms.strapi
        .documents('api::reporting-period.reporting-period')
        .create({ data: { code: periodCode, type: 'monthly', opensAt, closesAt } as never });
    }
    const json = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const master = [
      enterprise(1, '510104', '锦江区', '510100', '成都市'),
      enterprise(2, '510105', '青羊区', '510100', '成都市'),
      enterprise(3, '510105', '青羊区', '510100', '成都市'),
      enterprise(4, '510302', '自流井区', '510300', '自贡市'),
    ];
    await fetch(`${cms.url}/api/direct-report/enterprises`, { method: 'PUT', headers: json, body: JSON.stringify(master) });
    const logins = [
      login(1, '10.0.0.1', '2026-11-02T09:00:00+08:00'),
      login(2, '10.0.0.2', '2026-11-02T09:00:00+08:00'),
      login(4, '10.0.0.4', '2026-11-03T09:00:00+08:00'),
      // September: only enterprise 1.
      login(1, '10.0.0.1', '2026-10-02T09:00:00+08:00'),
    ];
    await fetch(`${cms.url}/api/direct-report/login-events`, { method: 'POST', headers: json, body: JSON.stringify(logins) });
  });
  afterAll(async () => {
    await cms?.stop();
  });

  it('gives the trend over periods, newest first, with each period’s rates', async () => {
    const { status, body } = await bureau.json<Array<{ code: string; totals: { required: number; initialRate: number } }>>(
      'GET',
      '/bureau-desk/direct-report/periods',
    );
    expect(status).toBe(200);
    expect(body.map((point) => [point.code, point.totals.required, point.totals.initialRate])).toEqual([
      ['2026-10', 4, 75],
      ['2026-09', 4, 25],
    ]);
  });

  it('drills from the province to a 市州 and a 县区, with each enterprise’s explanation', async () => {
    const province = await bureau.json<{ cities: Region[]; pagination: { total: number } }>(
      'GET',
      '/bureau-desk/direct-report/reports/2026-10',
    );
    expect(province.body.cities.map((city) => [city.name, city.required, city.initialRate])).toEqual([
      ['成都市', 3, 66.67],
      ['自贡市', 1, 100],
    ]);
    expect(province.body.pagination.total).toBe(4);
    const chengdu = province.body.cities[0] as Region;
    expect(chengdu.counties.map((county) => [county.name, county.initialRate])).toEqual([
      ['锦江区', 100],
      ['青羊区', 50],
    ]);
    const qingyang = await bureau.json<{ enterprises: Array<{ code: string; reason: string }>; reasonLabels: Record<string, string> }>(
      'GET',
      '/bureau-desk/direct-report/reports/2026-10?city=510100&county=510105',
    );
    expect(qingyang.body.enterprises.map((e) => [e.code, qingyang.body.reasonLabels[e.reason]])).toEqual([
      [code(2), '直报'],
      [code(3), '本网报期未登录平台'],
    ]);
  });

  it('is for the bureau: a reviewer of microdata applications is refused', async () => {
    expect((await reviewer.json('GET', '/bureau-desk/direct-report/periods')).status).toBe(403);
    expect((await reviewer.json('GET', '/bureau-desk/direct-report/reports/2026-10')).status).toBe(403);
    expect((await bureau.json('GET', '/bureau-desk/direct-report/reports/2099-01')).status).toBe(404);
  });
});
