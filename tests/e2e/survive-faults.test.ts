import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleAnswers } from '../../config/src/fields/sample.ts';
import { forms } from '../../config/src/forms/index.ts';
import { findFreePort } from '../../scripts/lib/ports.ts';
import { type PostgresServer, startEmbeddedPostgres } from '../../scripts/lib/postgres.ts';
import type { Service } from '../../scripts/lib/processes.ts';
import { generateSecrets } from '../../scripts/lib/secrets.ts';
import { makeTempStrapiDirs, startCms, startSite } from '../../scripts/lib/stack.ts';
import { type Supervised, supervise } from '../../scripts/lib/supervise.ts';
import { institutionCode } from '../integration/support/fixtures.ts';
import { queryRows } from '../support/postgres.ts';

/**
 * docs/operations.md, "Faults and recovery": Strapi killed with SIGKILL in the middle of a burst
 * of submissions and of a login-event stream, and PostgreSQL restarted under load. Afterwards no
 * record is partial, no number is given twice, nothing acknowledged is lost, and the site shows
 * its unavailable page while Strapi is down and recovers by itself. Its own PostgreSQL, Strapi and
 * site: they die here.
 */
describe('surviving a killed Strapi and a restarted PostgreSQL', () => {
  let dataDir: string;
  let postgres: PostgresServer;
  let pgPort: number;
  let cms: Service | undefined;
  let supervisor: Supervised | undefined;
  let site: Service;
  let cmsPort: number;
  let databaseUrl: string;
  let siteUrl: string;
  let token: string;
  const dirs = makeTempStrapiDirs();
  const env = {
    ...process.env,
    ...generateSecrets(),
    ...dirs.env,
    STATDESK_FIRST_ADMIN_EMAIL: 'faults@statdesk.local',
    STATDESK_FIRST_ADMIN_PASSWORD: 'Faults-Admin-2026',
  };
  const cmsUrl = () => `http://127.0.0.1:${cmsPort}`;
  const acknowledged: string[] = [];
  let phone = 0;

  const startStrapi = async () => {
    cms = await startCms({ port: cmsPort, env: { ...env, DATABASE_URL: databaseUrl }, echo: process.env.FAULTS_ECHO === '1' });
  };
  const killStrapi = () => {
    if (cms?.child.pid) process.kill(-cms.child.pid, 'SIGKILL');
    return new Promise<void>((resolve) =>
      cms?.child.exitCode !== null || cms?.child.signalCode !== null ? resolve() : cms?.child.once('exit', () => resolve()),
    );
  };
  const query = <T>(sql: string) => queryRows<T>(databaseUrl, sql);

  /** One public submission; its number when Strapi acknowledged it with a 201. */
  async function submitInstitution(): Promise<string | undefined> {
    const contactPhone = `134${String(10_000_000 + phone++).slice(-8)}`;
    try {
      const response = await fetch(`${cmsUrl()}/api/public/institutions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': `198.18.1.${phone % 250}` },
        signal: AbortSignal.timeout(10_000),
        body: JSON.stringify({
          ...sampleAnswers(forms.institution),
          fullName: `故障测试大学${contactPhone}`,
          contactPhone,
          // One institution per credit code: each submission is another institution.
          creditCode: institutionCode(phone),
        }),
      });
      if (response.status !== 201) return undefined;
      const no = ((await response.json()) as { applicationNo: string }).applicationNo;
      acknowledged.push(no);
      return no;
    } catch {
      return undefined;
    }
  }

  /** Keeps `concurrency` submissions in flight until `stop()`; resolves when the last one ends. */
  function burst(concurrency: number): { stop(): Promise<void> } {
    let running = true;
    const loops = Array.from({ length: concurrency }, async () => {
      while (running) {
        if (!(await submitInstitution())) await new Promise((resolve) => setTimeout(resolve, 50));
      }
    });
    return {
      async stop() {
        running = false;
        await Promise.all(loops);
      },
    };
  }

  async function expectNoPartialOrDuplicateRecord(): Promise<void> {
    const records = await query<{ no: string; events: number; hash: boolean }>(
      `select i.record_no as no, i.password_hash is not null as hash,
              (select count(*)::int from review_events e where e.record_no = i.record_no and e.action = 'submit') as events
         from institutions i`,
    );
    const numbers = records.map((record) => record.no);
    expect(new Set(numbers).size).toBe(numbers.length);
    // A record is whole: stored with its password hash and its "submitted" history entry, or not at all.
    expect(records.filter((record) => record.events !== 1 || !record.hash)).toEqual([]);
    const orphanEvents = await query<{ n: number }>(
      `select count(*)::int as n from review_events e where e.action = 'submit' and e.record_no like 'JG-%' and not exists (select 1 from institutions i where i.record_no = e.record_no)`,
    );
    expect(orphanEvents[0]?.n).toBe(0);
    // Nothing acknowledged is lost, and no acknowledged number was handed out twice.
    expect(new Set(acknowledged).size).toBe(acknowledged.length);
    expect(acknowledged.filter((no) => !numbers.includes(no))).toEqual([]);
  }

  const events = (from: number, count: number) =>
    Array.from({ length: count }, (_, i) => ({
      account: `acct-${from + i}`,
      enterpriseCode: '91510104MA0000001E',
      accountKind: 'enterprise',
      ip: `10.${(from + i) >> 16}.${((from + i) >> 8) & 255}.${(from + i) & 255}`,
      at: new Date(Date.parse('2026-10-05T00:00:00Z') + (from + i) * 1000).toISOString(),
    }));
  const ndjson = (list: unknown[]) => `${list.map((event) => JSON.stringify(event)).join('\n')}\n`;
  const ingest = (body: BodyInit) =>
    fetch(`${cmsUrl()}/api/direct-report/login-events`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/x-ndjson' },
      body,
      duplex: 'half',
    } as RequestInit);

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'statdesk-faults-pg-'));
    pgPort = await findFreePort();
    postgres = await startEmbeddedPostgres({ dataDir, port: pgPort, persistent: true });
    await postgres.createDatabase('faults');
    databaseUrl = postgres.urlFor('faults');
    cmsPort = await findFreePort();
    await startStrapi();
    const sitePort = await findFreePort();
    site = await startSite({ port: sitePort, cmsUrl: cmsUrl(), env });
    siteUrl = `http://127.0.0.1:${sitePort}`;
    const login = await fetch(`${cmsUrl()}/admin/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: env.STATDESK_FIRST_ADMIN_EMAIL, password: env.STATDESK_FIRST_ADMIN_PASSWORD }),
    });
    const jwt = ((await login.json()) as { data: { token: string } }).data.token;
    const created = await fetch(`${cmsUrl()}/admin/api-tokens`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${jwt}` },
      body: JSON.stringify({ name: 'faults', type: 'full-access', lifespan: null, description: '' }),
    });
    token = ((await created.json()) as { data: { accessKey: string } }).data.accessKey;
  }, 300_000);
  afterAll(async () => {
    await site?.stop();
    await supervisor?.stop();
    await cms?.stop();
    await postgres?.stop();
    rmSync(dataDir, { recursive: true, force: true });
    dirs.remove();
  });

  it('loses nothing acknowledged when Strapi is killed mid-burst, and the site recovers by itself', async () => {
    const load = burst(12);
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    await killStrapi();
    await load.stop();
    expect(acknowledged.length).toBeGreaterThan(0);

    const down = await fetch(`${siteUrl}/`);
    expect(down.status).toBe(503);
    expect(await down.text()).toContain('服务暂时不可用');

    await startStrapi();
    // The same site process, not restarted, serves pages again.
    const up = await fetch(`${siteUrl}/`);
    expect(up.status).toBe(200);
    await expectNoPartialOrDuplicateRecord();
    // Numbering carries on after the highest number ever committed.
    const next = await submitInstitution();
    const [max] = await query<{ no: string }>(`select max(record_no) as no from institutions`);
    expect(next).toBe(max?.no);
  }, 180_000);

  it('keeps every acknowledged login event when Strapi dies mid-stream, and a re-sent batch is not double counted', async () => {
    const first = events(0, 20_000);
    const acked = (await (await ingest(ndjson(first))).json()) as { accepted: number };
    expect(acked.accepted).toBe(first.length);

    // A second batch trickles in; Strapi is killed while it is being read.
    const second = events(20_000, 60_000);
    const lines = ndjson(second).split('\n');
    const slow = Readable.from(
      (async function* () {
        for (let i = 0; i < lines.length; i += 2_000) {
          yield `${lines.slice(i, i + 2_000).join('\n')}${i + 2_000 < lines.length ? '\n' : ''}`;
          await new Promise((resolve) => setTimeout(resolve, 40));
        }
      })(),
    );
    const interrupted = ingest(Readable.toWeb(slow) as ReadableStream).catch((error: unknown) => error);
    await new Promise((resolve) => setTimeout(resolve, 500));
    await killStrapi();
    expect(await interrupted).toBeInstanceOf(Error);

    await startStrapi();
    // The platform did not get an answer for the second batch, so it sends it again.
    const resent = (await (await ingest(ndjson(second))).json()) as { accepted: number; duplicates: number };
    expect(resent.accepted + resent.duplicates).toBe(second.length);
    const [stored] = await query<{ n: number; distinct: number }>(
      `select count(*)::int as n, count(distinct event_key)::int as distinct from dr_login_events`,
    );
    expect(stored).toEqual({ n: first.length + second.length, distinct: first.length + second.length });
  }, 180_000);

  it('carries on by itself after PostgreSQL restarts under load', async () => {
    // As under `npm start` (and systemd in production): Strapi is started again if it exits.
    await cms?.stop();
    supervisor = await supervise(
      async () => {
        await startStrapi();
        return cms as Service;
      },
      () => {},
    );
    const load = burst(8);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    await postgres.stop();
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    postgres = await startEmbeddedPostgres({ dataDir, port: pgPort, persistent: true });
    const before = acknowledged.length;
    // Submissions are acknowledged again without anyone touching Strapi or the site.
    const deadline = Date.now() + 60_000;
    while (acknowledged.length < before + 20 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 200));
    await load.stop();
    expect(acknowledged.length).toBeGreaterThanOrEqual(before + 20);
    expect((await fetch(`${siteUrl}/`)).status).toBe(200);
    await expectNoPartialOrDuplicateRecord();
  }, 180_000);
});
