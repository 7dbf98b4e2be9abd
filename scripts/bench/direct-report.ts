/**
 * `npm run bench:direct-report [-- --large] [-- --time-ordered]`: the direct-reporting path at scale
 * (docs/benchmarks.md). Generates 100 000 enterprises and 1 000 000 login events (10 000 000 with
 * --large), ingests them through the HTTP API of a real Strapi on a throwaway embedded PostgreSQL,
 * and prints each figure beside its target and beside a floor measured in the same run: ingestion
 * against a plain COPY of the same events into an unindexed table, reports against a count(*)
 * scan of the events table. Loopback only; stops everything it started.
 */

import { once } from 'node:events';
import { createReadStream, createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { generateDataset } from '../../config/src/direct-report/synthetic.ts';
import { windowOf } from '../generate-login-events.ts';
import { cpuSeconds, median, peakRss, startBenchStack } from './stack.ts';

const { values } = parseArgs({
  options: { large: { type: 'boolean', default: false }, 'time-ordered': { type: 'boolean', default: false } },
});
const ENTERPRISES = 100_000;
const EVENTS = values.large ? 10_000_000 : 1_000_000;
const PERIOD = windowOf('2026-10');
const EVENTS_PER_REQUEST = 500_000;

async function main(): Promise<void> {
  const loadAtStart = loadavg()[0] ?? 0;
  const stack = await startBenchStack();
  const file = join(mkdtempSync(join(tmpdir(), 'statdesk-bench-')), 'events.ndjson');
  try {
    const { base, token, cms } = stack;
    const auth = { authorization: `Bearer ${token}` };
    const db = new pg.Client({ connectionString: stack.databaseUrl });
    await db.connect();
    await db.query(
      `insert into reporting_periods (document_id, code, type, opens_at, closes_at, created_at, updated_at, published_at) values ('benchperiod0000000000001', $1, $2, $3, $4, now(), now(), now())`,
      [PERIOD.code, PERIOD.type, PERIOD.opensAt, PERIOD.closesAt],
    );

    // Saving a period in the admin builds its (empty) summary, so that ingestion maintains it from
    // the first login; a period written straight into the table gets it from its first report.
    await fetch(`${base}/api/direct-report/reports/${PERIOD.code}?pageSize=1`, { headers: auth }).then((r) => r.arrayBuffer());

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

    // The events are written to a file first and streamed from it, so that the rate measures the
    // server's ingestion, not the generator sharing its two cores.
    // The generator writes each enterprise's logins together; a platform sends them as they happen.
    const events: Iterable<BenchEvent> = values['time-ordered']
      ? [...data.events()].sort((a, b) => a.at.getTime() - b.at.getTime())
      : data.events();
    const requests = await writeRequests(events, file, `${file}.csv`);
    let sent = 0;
    let accepted = 0;
    const cpu = () => ({ postgres: cpuSeconds(stack.postgresPid()), strapi: cpuSeconds(cms.child.pid ?? 0) });
    const cpuBefore = cpu();
    const started = performance.now();
    for (const { start, end, lines } of requests) {
      const result = (await postFile(`${base}/api/direct-report/login-events`, auth, file, start, end)) as { accepted: number };
      sent += lines;
      accepted += result.accepted;
    }
    const ingestSeconds = (performance.now() - started) / 1000;
    const cpuAfter = cpu();
    const microsPerEvent = (seconds: number) => ((seconds * 1e6) / Math.max(1, sent)).toFixed(1);

    const timed = async (path: string) => {
      const t = performance.now();
      const response = await fetch(`${base}${path}`, { headers: auth });
      reportBytes = (await response.arrayBuffer()).byteLength;
      if (!response.ok) throw new Error(`${path} answered ${response.status}`);
      return performance.now() - t;
    };
    let reportBytes = 0;
    const reportPath = `/api/direct-report/reports/${PERIOD.code}?pageSize=100`;
    // The first read after the batches merges what they staged and computes the report; later
    // ones, with nothing changed, are served again.
    const computed = await timed(reportPath);
    const cpuMerged = cpu();
    const reportTimes: number[] = [];
    for (let i = 0; i < 5; i++) reportTimes.push(await timed(reportPath));
    // The bureau moves the window by a second: the first report moves the summary to it.
    await db.query(`update reporting_periods set closes_at = closes_at - interval '1 second' where code = $1`, [PERIOD.code]);
    const rebuild = await timed(reportPath);
    // The worst case of a window change: a summary built from nothing, every login read again.
    await db.query('delete from dr_period_summaries where period_code = $1', [PERIOD.code]);
    const fullRebuild = await timed(reportPath);
    // 收口: a closed period's report reads what closing stored, not the summaries.
    const closing = await fetch(`${base}/api/direct-report/periods/${PERIOD.code}/close`, { method: 'POST', headers: auth });
    if (!closing.ok) throw new Error(`closing answered ${closing.status}: ${await closing.text()}`);
    const closedComputed = await timed(reportPath);
    const closedTimes: number[] = [];
    for (let i = 0; i < 5; i++) closedTimes.push(await timed(reportPath));
    const countTimes: number[] = [];
    for (let i = 0; i < 3; i++) {
      const t = performance.now();
      await db.query('select count(*) from dr_login_events');
      countTimes.push(performance.now() - t);
    }
    const floor = await copyFloor(db, `${file}.csv`, () => stack.postgresPid());
    await db.end();
    const report = median(reportTimes);
    const count = median(countTimes);
    const rate = sent / ingestSeconds;
    const seconds = (ms: number) => `${(ms / 1000).toFixed(3)} s`;
    const ofCount = (ms: number) => `${(ms / count).toFixed(2)}× count(*)`;
    const pgMicros = Number(microsPerEvent(cpuAfter.postgres - cpuBefore.postgres));
    const strapiMicros = Number(microsPerEvent(cpuAfter.strapi - cpuBefore.strapi));
    // Ingestion merges its staged summaries every so many logins; the last step is the first report's.
    const mergedMicros = Number(microsPerEvent(cpuMerged.postgres - cpuBefore.postgres + cpuMerged.strapi - cpuBefore.strapi));
    console.log(`
direct-report benchmark (${values.large ? 'large' : 'default'} size${values['time-ordered'] ? ', events in time order' : ''}, this machine: 2 cores, load average ${loadAtStart.toFixed(2)} at the start, ${(loadavg()[0] ?? 0).toFixed(2)} at the end)
  enterprises                  ${ENTERPRISES.toLocaleString()}
  login events sent/stored     ${sent.toLocaleString()} / ${accepted.toLocaleString()}
  ingestion                    ${Math.round(rate).toLocaleString()} events/s  (target ≥ 50 000; ${(rate / floor.rate).toFixed(2)}× a plain COPY's ${Math.round(floor.rate).toLocaleString()} events/s)
  ingestion CPU per event      PostgreSQL ${pgMicros.toFixed(1)} µs + Strapi ${strapiMicros.toFixed(1)} µs = ${(pgMicros + strapiMicros).toFixed(1)} µs  (target ≤ 20 µs; a plain COPY: PostgreSQL ${floor.micros.toFixed(1)} µs)
  … with the last merge         ${mergedMicros.toFixed(1)} µs  (the staged summaries the first report merged, and that report, counted in)
  report, computed             ${seconds(computed)}  (${ofCount(computed)}; the first read after the batches)
  report, read again (median of 5) ${seconds(report)}  (target ≤ 0.1 s at 10 M events; ${ofCount(report)}; ${(reportBytes / 1e6).toFixed(1)} MB of JSON)
  report after a window change ${seconds(rebuild)}  (target ≤ 10 s at 10 M events; ${ofCount(rebuild)}; moves the summary)
  report, summary built anew   ${seconds(fullRebuild)}  (${ofCount(fullRebuild)}; every login read again)
  closed period's report       ${seconds(closedComputed)} computed, ${seconds(median(closedTimes))} read again (median of 5; target ≤ 0.02 s; ${ofCount(median(closedTimes))})
  count(*) scan of events      ${seconds(count)}  (the floor of the reports)
  Strapi peak RSS              ${Math.round(peakRss(cms.child.pid ?? 0))} MB  (target ≤ 1 024 MB)`);
  } finally {
    rmSync(dirname(file), { recursive: true, force: true });
    await stack.stop();
  }
}

/**
 * POSTs a byte range of the file as NDJSON with node:http: fetch's web streams cost the client,
 * on the same two cores, a good part of a core at this rate.
 */
async function postFile(url: string, headers: Record<string, string>, file: string, start: number, end: number): Promise<unknown> {
  const request = http.request(url, { method: 'POST', headers: { ...headers, 'content-type': 'application/x-ndjson' } });
  const answered = once(request, 'response') as Promise<[http.IncomingMessage]>;
  await pipeline(createReadStream(file, { start, end }), request);
  const [response] = await answered;
  const chunks: Buffer[] = [];
  for await (const chunk of response) chunks.push(chunk as Buffer);
  const body = Buffer.concat(chunks).toString();
  if (response.statusCode !== 200) throw new Error(`ingestion answered ${response.statusCode}: ${body}`);
  return JSON.parse(body);
}

interface BenchEvent {
  account: string;
  enterpriseCode: string;
  accountKind: string;
  ip: string;
  at: Date;
}

/** One CSV field, quoted as COPY's CSV format reads it. */
const csvField = (value: string) => `"${value.replaceAll('"', '""')}"`;

/**
 * Writes the events as NDJSON, cut into requests of EVENTS_PER_REQUEST lines (byte ranges, end
 * inclusive), and the same events as CSV for the COPY floor.
 */
async function writeRequests(
  events: Iterable<BenchEvent>,
  file: string,
  csvFile: string,
): Promise<Array<{ start: number; end: number; lines: number }>> {
  const out = createWriteStream(file);
  const csv = createWriteStream(csvFile);
  const requests: Array<{ start: number; end: number; lines: number }> = [];
  let offset = 0;
  let current = { start: 0, end: -1, lines: 0 };
  for (const event of events) {
    const line = `${JSON.stringify(event)}\n`;
    if (!out.write(line)) await once(out, 'drain');
    const row = [event.enterpriseCode, event.at.toISOString(), event.account, event.accountKind, event.ip].map(csvField).join(',');
    if (!csv.write(`${row}\n`)) await once(csv, 'drain');
    offset += Buffer.byteLength(line);
    current.end = offset - 1;
    if (++current.lines === EVENTS_PER_REQUEST) {
      requests.push(current);
      current = { start: offset, end: offset - 1, lines: 0 };
    }
  }
  if (current.lines > 0) requests.push(current);
  out.end();
  csv.end();
  await Promise.all([once(out, 'finish'), once(csv, 'finish')]);
  return requests;
}

/**
 * The floor of ingestion on this machine in this run: the same events COPYed into a plain table
 * without keys, indexes or summaries, with PostgreSQL's CPU time per event.
 */
async function copyFloor(db: pg.Client, csvFile: string, postgresPid: () => number): Promise<{ rate: number; micros: number }> {
  await db.query('create unlogged table bench_copy_floor (enterprise_code text, at timestamptz, account text, account_kind text, ip text)');
  const cpuBefore = cpuSeconds(postgresPid());
  const started = performance.now();
  const copy = db.query(copyFrom(`copy bench_copy_floor from stdin with (format csv)`));
  await pipeline(createReadStream(csvFile), copy);
  const elapsed = (performance.now() - started) / 1000;
  const cpu = cpuSeconds(postgresPid()) - cpuBefore;
  const rows = Number(copy.rowCount);
  await db.query('drop table bench_copy_floor');
  return { rate: rows / elapsed, micros: (cpu * 1e6) / Math.max(1, rows) };
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
