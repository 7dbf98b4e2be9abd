import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assignRegion, type Staff, signInAs } from '../support/admin.ts';
import { inJinjiang, inRegion, unitCode } from '../support/fixtures.ts';
import { callWithToken, fieldErrors } from '../support/http.ts';
import { bootCms, createApiToken, type TestCms } from '../support/strapi.ts';

const code = (n: number) => unitCode(n, '91510100MA');
const enterprise = (n: number) => inJinjiang(code(n), `企业${n}`);
const inQingyang = (n: number) => inRegion(code(n), `企业${n}`, ['510105', '青羊区'], ['510100', '成都市']);
const october = { code: '2026-10', type: 'monthly', opensAt: '2026-11-01T00:00:00+08:00', closesAt: '2026-11-11T00:00:00+08:00' };
const login = (n: number, ip: string, at = '2026-11-03T09:15:00+08:00') => ({
  account: `${n}-1`,
  enterpriseCode: code(n),
  accountKind: 'enterprise',
  ip,
  at,
});

type Report = {
  closing: { closedAt: string; closedBy: string } | null;
  totals: { required: number; initialDirect: number };
  enterprises: Array<{ code: string; countyCode: string; reason: string }>;
  sharedIps: Array<{ ip: string; enterprises: string[] }>;
};

/**
 * 收口: a closed period's report is the one stored at closing, whatever happens to the master
 * data, the logins, the delegations and the settings afterwards; re-opening is a recorded act
 * with a reason. The master data's history keeps a past period's enterprises as they were.
 */
describe('closing a reporting period', () => {
  let cms: TestCms;
  let fullToken: string;
  let readOnlyToken: string;
  let bureau: Staff;
  let county: Staff;
  const call = (method: string, path: string, body?: unknown, token = fullToken) => callWithToken(cms.url, token, method, path, body);
  const report = async (query = '') => (await call('GET', `/api/direct-report/reports/2026-10${query}`)).body as unknown as Report;
  /** The report without the closing stamp: what must not move. */
  const figures = ({ closing: _closing, ...rest }: Report) => rest;

  beforeAll(async () => {
    cms = await bootCms('direct_report_closing');
    fullToken = await createApiToken(cms, 'full-access');
    readOnlyToken = await createApiToken(cms, 'read-only');
    [bureau, county] = await Promise.all([
      signInAs(cms, 'Bureau staff', 'bureau@closing.example'),
      signInAs(cms, 'County bureau', 'county@closing.example'),
    ]);
    await assignRegion(cms, 'county@closing.example', '510104');
    expect((await call('PUT', '/api/direct-report/periods', [october])).status).toBe(200);
    // Six enterprises on one office IP (more than the threshold of 5), a seventh from its own.
    expect((await call('PUT', '/api/direct-report/enterprises', [1, 2, 3, 4, 5, 6, 7].map(enterprise))).status).toBe(200);
    const logins = [...[1, 2, 3, 4, 5, 6].map((n) => login(n, '10.1.1.1')), login(7, '10.7.7.7')];
    expect((await call('POST', '/api/direct-report/login-events', logins)).status).toBe(200);
  });
  afterAll(async () => {
    await cms?.stop();
  });

  it('keeps the report it had when closed, though the master data, logins, delegations and settings change', async () => {
    const before = await report();
    expect(before.closing).toBeNull();
    expect(before.totals).toMatchObject({ required: 7, initialDirect: 1 });

    const closed = await call('POST', '/api/direct-report/periods/2026-10/close');
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({ closedBy: expect.stringContaining('API token'), closedAt: expect.any(String) });

    // A year of changes: an enterprise added and one moved, a late login, a delegation, a new threshold.
    expect((await call('PUT', '/api/direct-report/enterprises', [enterprise(8), inQingyang(7)])).status).toBe(200);
    expect((await call('POST', '/api/direct-report/login-events', [login(8, '10.1.1.1')])).status).toBe(200);
    const delegation = { enterpriseCode: code(1), agencyName: '成都某统计代理有限公司', effectiveFrom: '2026-01-01T00:00:00+08:00' };
    expect((await call('PUT', '/api/direct-report/delegations', [delegation])).status).toBe(200);
    const settings = (await call('GET', '/api/direct-report/settings')).body;
    expect((await call('PUT', '/api/direct-report/settings', { ...settings, threshold: 10 })).status).toBe(200);

    const after = await report();
    expect(after.closing).toEqual(closed.body);
    expect(figures(after)).toEqual(figures(before));
    // The calendar says so too, to a read-only token.
    const periods = await call('GET', '/api/direct-report/periods', undefined, readOnlyToken);
    expect(periods.body).toEqual({ data: [expect.objectContaining({ code: '2026-10', closing: closed.body })] });
    // A what-if still computes from the summaries: the late login and the delegation count there.
    expect((await report('?threshold=5')).totals.required).toBe(8);
  });

  it('shows a county bureau only its own part of the stored report, and lets it neither close nor re-open', async () => {
    const own = (await county.json('GET', '/bureau-desk/direct-report/reports/2026-10')).body as unknown as Report;
    expect(own.closing).not.toBeNull();
    expect(own.totals.required).toBe(7);
    expect(own.sharedIps[0]?.enterprises).toHaveLength(6);
    expect((await county.json('POST', '/bureau-desk/direct-report/periods/2026-10/reopen', { reason: '试试' })).status).toBe(403);
    const closings = (await county.json('GET', '/bureau-desk/direct-report/periods/2026-10/closings')).body;
    expect(closings).toMatchObject({ canClose: false, closings: [{ action: 'close', reason: null }] });
  });

  it('refuses to change a closed period’s window or to delete it, but takes the same calendar again', async () => {
    expect((await call('PUT', '/api/direct-report/periods', [october])).status).toBe(200);
    const moved = await call('PUT', '/api/direct-report/periods', [{ ...october, closesAt: '2026-11-16T00:00:00+08:00' }]);
    expect(moved.status).toBe(400);
    expect(JSON.stringify(moved.body)).toContain('网报期 2026-10 已收口，不能修改代码、类型或网报窗口，也不能删除');
    expect((await call('GET', '/api/direct-report/periods')).body).toMatchObject({ data: [{ closesAt: '2026-11-10T16:00:00.000Z' }] });
  });

  it('refuses a read-only token, a second closing and a re-opening without a reason', async () => {
    expect((await call('POST', '/api/direct-report/periods/2026-10/close', undefined, readOnlyToken)).status).toBe(403);
    const again = await call('POST', '/api/direct-report/periods/2026-10/close');
    expect(again.status).toBe(409);
    expect(JSON.stringify(again.body)).toContain('网报期 2026-10 已经收口');
    const noReason = await bureau.json('POST', '/bureau-desk/direct-report/periods/2026-10/reopen', { reason: '  ' });
    expect(noReason.status).toBe(400);
    expect(fieldErrors(noReason.body)).toEqual({ reason: '请填写重新打开的原因' });
    expect((await call('POST', '/api/direct-report/periods/2099-01/close')).status).toBe(404);
  });

  it('re-opens with the reason recorded, and the report then counts the period’s enterprises as they were', async () => {
    const reopened = await bureau.json('POST', '/bureau-desk/direct-report/periods/2026-10/reopen', {
      reason: '平台补发了 11 月 3 日的登录记录',
    });
    expect(reopened.status).toBe(200);
    expect(reopened.body).toMatchObject({
      closings: [
        { action: 'close', actor: expect.stringContaining('API token') },
        { action: 'reopen', actor: expect.stringContaining('bureau@closing.example'), reason: '平台补发了 11 月 3 日的登录记录' },
      ],
    });
    const open = await report();
    expect(open.closing).toBeNull();
    // Enterprise 8 is new to the master data, so it counts from always; enterprise 7 moved to
    // 青羊区 after the window ended, so October still counts it in 锦江区.
    expect(open.totals.required).toBe(8);
    expect(open.enterprises.find((e) => e.code === code(7))).toMatchObject({ countyCode: '510104' });
    expect(open.enterprises.find((e) => e.code === code(1))).toMatchObject({ reason: 'delegated' });
    expect((await bureau.json('POST', '/bureau-desk/direct-report/periods/2026-10/reopen', { reason: '再开一次' })).status).toBe(409);
  });

  it('counts an enterprise in the county it moved to when the move falls before the window ends', async () => {
    const now = Date.now();
    const current = {
      code: '2026-12',
      type: 'monthly',
      opensAt: new Date(now - 86_400_000).toISOString(),
      closesAt: new Date(now + 86_400_000).toISOString(),
    };
    expect((await call('PUT', '/api/direct-report/periods', [current])).status).toBe(200);
    const december = (await call('GET', '/api/direct-report/reports/2026-12')).body as unknown as Report;
    expect(december.enterprises.find((e) => e.code === code(7))).toMatchObject({ countyCode: '510105' });
  });
});
