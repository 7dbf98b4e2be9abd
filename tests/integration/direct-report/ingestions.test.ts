import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inJinjiang, unitCode } from '../support/fixtures.ts';
import { bootCms, createApiToken, type TestCms } from '../support/strapi.ts';

const code = (n: number) => unitCode(n, '91510100MA');
const login = (n: number, ip = '10.2.2.2') => ({
  account: `${n}-1`,
  enterpriseCode: code(n),
  accountKind: 'enterprise',
  ip,
  at: '2026-11-03T09:15:00+08:00',
});
const badLogin = { ...login(9), at: '2026-02-30T09:00:00+08:00' };

interface Listed {
  id: number;
  token: { id: number | null; name: string | null };
  outcome: string;
  received: number;
  accepted: number;
  duplicates: number;
  rejected: number;
  rejections: Array<{ line: number; reason: string }> | null;
}

/** What became of each batch the platform sent, and the logins of codes the master data lacks. */
describe('the platform reconciles what it sent', () => {
  let cms: TestCms;
  let platformToken: string;
  let readOnlyToken: string;
  let platformTokenName: string;
  let since: string;
  const send = (body: string, contentType = 'application/json') =>
    fetch(`${cms.url}/api/direct-report/login-events`, {
      method: 'POST',
      body,
      headers: { authorization: `Bearer ${platformToken}`, 'content-type': contentType },
    });
  const listed = async (query = '') => {
    const response = await fetch(`${cms.url}/api/direct-report/ingestions${query}`, {
      headers: { authorization: `Bearer ${readOnlyToken}` },
    });
    return { status: response.status, body: await response.json() };
  };

  beforeAll(async () => {
    cms = await bootCms('direct_report_ingestions');
    platformToken = await createApiToken(cms, 'full-access');
    readOnlyToken = await createApiToken(cms, 'read-only');
    // The test's helper names its tokens by type and a random tail; Strapi has tokens of its own.
    const tokens = (await cms.strapi.db.query('admin::api-token').findMany({})) as Array<{ name: string }>;
    platformTokenName = tokens.find((token) => token.name.startsWith('full-access-'))?.name ?? '';
    since = new Date(Date.now() - 1000).toISOString();
    await cms.strapi.documents('api::reporting-period.reporting-period').create({
      data: { code: '2026-10', type: 'monthly', opensAt: '2026-11-01T00:00:00+08:00', closesAt: '2026-11-11T00:00:00+08:00' } as never,
    });
  });
  afterAll(async () => {
    await cms?.stop();
  });

  it('lists every request with the token that sent it, its counts, how it ended and the lines it refused', async () => {
    expect((await send(JSON.stringify([login(1), login(2), badLogin]))).status).toBe(200);
    expect((await send(JSON.stringify([login(1)]))).status).toBe(200);
    expect((await send(JSON.stringify([badLogin]))).status).toBe(422);
    expect((await send(JSON.stringify(login(3)))).status).toBe(400);

    const { status, body } = await listed(`?since=${encodeURIComponent(since)}`);
    expect(status).toBe(200);
    const batches = body.data as Listed[];
    expect(
      batches.map(({ outcome, received, accepted, duplicates, rejected }) => ({ outcome, received, accepted, duplicates, rejected })),
    ).toEqual([
      { outcome: 'stored', received: 3, accepted: 2, duplicates: 0, rejected: 1 },
      { outcome: 'stored', received: 1, accepted: 0, duplicates: 1, rejected: 0 },
      { outcome: 'nothing_accepted', received: 1, accepted: 0, duplicates: 0, rejected: 1 },
      { outcome: 'broken', received: 0, accepted: 0, duplicates: 0, rejected: 0 },
    ]);
    expect(batches.every((batch) => batch.token.name === platformTokenName && typeof batch.token.id === 'number')).toBe(true);
    expect(batches[0]?.rejections).toEqual([{ line: 3, reason: 'at：应为带时区、确实存在的ISO 8601时间，如 2026-11-03T09:15:00+08:00' }]);
  });

  it('keeps a batch’s counts but lets its refused lines go after 30 days', async () => {
    const [first] = (await listed(`?since=${encodeURIComponent(since)}`)).body.data as Listed[];
    await cms.strapi.db.connection.raw(`update dr_ingestions set finished_at = now() - interval '31 days' where id = ?`, [first?.id]);
    expect((await send(JSON.stringify([login(4)]))).status).toBe(200);
    const lastMonth = (await listed()).body.data as Listed[];
    expect(lastMonth.map((batch) => batch.id)).not.toContain(first?.id);
    const older = (await listed(`?since=${encodeURIComponent(new Date(Date.now() - 40 * 86_400_000).toISOString())}`)).body
      .data as Listed[];
    expect(older.find((batch) => batch.id === first?.id)).toMatchObject({ received: 3, rejected: 1, rejections: null });
  });

  it('refuses a since that is not an instant with its offset', async () => {
    for (const bad of ['yesterday', '2026-11-03', '2026-02-30T00:00:00Z']) {
      const { status, body } = await listed(`?since=${encodeURIComponent(bad)}`);
      expect(status).toBe(400);
      expect(body.error.details.fields.since).toBe('since：应为带时区、确实存在的ISO 8601时间，如 2026-11-03T09:15:00+08:00');
    }
  });

  it('names the codes that logged in without being in the master data, and counts them on shared IPs', async () => {
    const master = inJinjiang(code(1), '企业1');
    const upsert = await fetch(`${cms.url}/api/direct-report/enterprises`, {
      method: 'PUT',
      body: JSON.stringify([master]),
      headers: { authorization: `Bearer ${platformToken}`, 'content-type': 'application/json' },
    });
    expect(upsert.status).toBe(200);
    const report = await fetch(`${cms.url}/api/direct-report/reports/2026-10?threshold=2`, {
      headers: { authorization: `Bearer ${readOnlyToken}` },
    });
    const body = await report.json();
    expect(body.unknownEnterprises).toEqual({ count: 2, codes: [code(2), code(4)].sort() });
    // Enterprises 1, 2 and 4 share 10.2.2.2: more than 2, so enterprise 1 is not direct.
    expect(body.totals).toMatchObject({ required: 1, loggedIn: 1, initialDirect: 0 });
  });
});
