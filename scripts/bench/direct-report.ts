/**
 * `npm run bench:direct-report [-- --large]`: the direct-reporting path at scale (issue 6).
 * Generates 100 000 enterprises and 1 000 000 login events (10 000 000 with --large), ingests
 * them through the HTTP API of a real Strapi on a throwaway embedded PostgreSQL, and prints
 * ingestion events/s, report latency (median of 5), Strapi's peak RSS, one count(*) scan of the
 * events table and the ratio of the report to it. Loopback only; stops everything it started.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { generateDataset } from '../../config/src/direct-report/synthetic.ts';
import { windowOf } from '../generate-login-events.ts';
import { buildConfig } from '../lib/build.ts';
import { CMS_DIR } from '../lib/paths.ts';
import { findFreePort } from '../lib/ports.ts';
import { startEmbeddedPostgres } from '../lib/postgres.ts';
import type { Service } from '../lib/processes.ts';
import { generateSecrets } from '../lib/secrets.ts';
import { makeTempPublicDir, startCms } from '../lib/stack.ts';

const { values } = parseArgs({ options: { large: { type: 'boolean', default: false } } });
const ENTERPRISES = 100_000;
const EVENTS = values.large ? 10_000_000 : 1_000_000;
const PERIOD = windowOf('2026-10');
const EVENTS_PER_REQUEST = 500_000;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const peakRss = (pid: number) => Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;

async function apiToken(base: string, email: string, password: string): Promise<string> {
  const login = await fetch(`${base}/admin/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  const jwt = ((await login.json()) as { data: { token: string } }).data.token;
  const created = await fetch(`${base}/admin/api-tokens`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${jwt}` },
    body: JSON.stringify({ name: `bench-${Date.now()}`, type: 'full-access', lifespan: null, description: 'benchmark' }),
  });
  return ((await created.json()) as { data: { accessKey: string } }).data.accessKey;
}

async function main(): Promise<void> {
  await buildConfig();
  const { compileStrapi } = createRequire(import.meta.url)('@strapi/strapi') as typeof import('@strapi/strapi');
  await compileStrapi({ appDir: CMS_DIR });
  const dataDir = mkdtempSync(join(tmpdir(), 'statdesk-bench-'));
  const postgres = await startEmbeddedPostgres({ dataDir, port: await findFreePort(), persistent: false });
  let cms: Service | undefined;
  // Ctrl-C or a timeout must not leave Strapi and PostgreSQL running.
  const stopAll = async () => {
    await cms?.stop();
    await postgres.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void stopAll().finally(() => process.exit(130)));
  try {
    await postgres.createDatabase('bench');
    const email = 'bench@statdesk.local';
    const password = `Bench-${randomBytes(6).toString('hex')}9`;
    const port = await findFreePort();
    const publicDir = makeTempPublicDir();
    cms = await startCms({
      port,
      env: {
        ...process.env,
        ...generateSecrets(),
        DATABASE_URL: postgres.urlFor('bench'),
        SERVE_ADMIN_PANEL: 'false',
        PUBLIC_DIR: publicDir.path,
        STATDESK_FIRST_ADMIN_EMAIL: email,
        STATDESK_FIRST_ADMIN_PASSWORD: password,
      },
    });
    const base = `http://127.0.0.1:${port}`;
    const token = await apiToken(base, email, password);
    const auth = { authorization: `Bearer ${token}` };
    const db = new pg.Client({ connectionString: postgres.urlFor('bench') });
    await db.connect();
    await db.query(
      `insert into reporting_periods (document_id, code, type, opens_at, closes_at, created_at, updated_at, published_at) values ('benchperiod0000000000001', $1, $2, $3, $4, now(), now(), now())`,
      [PERIOD.code, PERIOD.type, PERIOD.opensAt, PERIOD.closesAt],
    );

    console.log(`Generating ${ENTERPRISES.toLocaleString()} enterprises and about ${EVENTS.toLocaleString()} login events …`);
    const data = generateDataset({ seed: 42, enterprises: ENTERPRISES, events: EVENTS, period: PERIOD });
    for (let i = 0; i < data.enterprises.length; i += 20_000) {
      const response = await fetch(`${base}/api/direct-report/enterprises`, {
        method: 'PUT',
        headers: { ...auth, 'content-type': 'application/json' },
        body: JSON.stringify(data.enterprises.slice(i, i + 20_000)),
      });
      if (!response.ok) throw new Error(`enterprise upsert answered ${response.status}: ${await response.text()}`);
    }

    // Ingest: NDJSON streamed from the generator, a few requests of half a million lines each.
    const events = data.events();
    let sent = 0;
    let accepted = 0;
    const started = performance.now();
    for (;;) {
      let inThisRequest = 0;
      let done = false;
      const body = Readable.from(
        (function* () {
          while (inThisRequest < EVENTS_PER_REQUEST) {
            const next = events.next();
            if (next.done) {
              done = true;
              return;
            }
            inThisRequest++;
            yield `${JSON.stringify(next.value)}\n`;
          }
        })(),
      );
      const response = await fetch(`${base}/api/direct-report/login-events`, {
        method: 'POST',
        headers: { ...auth, 'content-type': 'application/x-ndjson' },
        body: Readable.toWeb(body) as ReadableStream,
        duplex: 'half',
      } as RequestInit);
      const result = (await response.json()) as { accepted: number };
      sent += inThisRequest;
      accepted += result.accepted;
      if (done || inThisRequest === 0) break;
    }
    const ingestSeconds = (performance.now() - started) / 1000;

    const reportTimes: number[] = [];
    for (let i = 0; i < 5; i++) {
      const t = performance.now();
      const response = await fetch(`${base}/api/direct-report/reports/${PERIOD.code}?pageSize=100`, { headers: auth });
      await response.arrayBuffer();
      reportTimes.push(performance.now() - t);
    }
    const countTimes: number[] = [];
    for (let i = 0; i < 3; i++) {
      const t = performance.now();
      await db.query('select count(*) from dr_login_events');
      countTimes.push(performance.now() - t);
    }
    await db.end();
    const report = median(reportTimes);
    const count = median(countTimes);
    console.log(`
direct-report benchmark (${values.large ? 'large' : 'default'} size, this machine: 2 cores)
  enterprises                 ${ENTERPRISES.toLocaleString()}
  login events sent/stored    ${sent.toLocaleString()} / ${accepted.toLocaleString()}
  ingestion                   ${Math.round(sent / ingestSeconds).toLocaleString()} events/s  (target ≥ 50 000)
  report latency (median of 5) ${(report / 1000).toFixed(3)} s  (target ≤ 0.5 s at 10 M events)
  count(*) scan of events     ${(count / 1000).toFixed(3)} s
  report / count(*)           ${(report / count).toFixed(2)}×
  Strapi peak RSS             ${Math.round(peakRss(cms.child.pid ?? 0))} MB  (target ≤ 1 024 MB)`);
    publicDir.remove();
  } finally {
    await stopAll();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
