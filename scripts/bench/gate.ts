/**
 * `npm run bench:gate`: the reporting gate on the platform's login path (docs/benchmarks.md).
 * With 100 000 registrations (each with 1–30 service units), 100 concurrent clients ask for random
 * enterprises for 20 s (wrk, one keep-alive connection each); prints throughput, answers outside
 * 2xx and p50/p97.5/p99 (target p99 ≤ 20 ms), beside a bare `node:http` server's. Loopback only.
 */
import pg from 'pg';
import { syntheticCreditCode } from '../../config/src/direct-report/synthetic.ts';
import { answerOf, measureFloor } from './floor.ts';
import { type BenchStack, startBenchStack } from './stack.ts';
import { ensureWrk, runWrk, type WrkLoad } from './wrk.ts';

const REGISTRATIONS = 100_000;
const CONCURRENCY = 100;
const SECONDS = 20;
const TARGET_P99_MS = 20;

const SAMPLE = 1_000;
const DISTINCT_REQUESTS = 5_000;

/** A fast gate must also be right: a sample of answers compared with the count in SQL. */
async function checkAnswers(stack: BenchStack, db: pg.Client, asked: string[]): Promise<{ wrong: number; allowed: number }> {
  let wrong = 0;
  let allowed = 0;
  for (let i = 0; i < SAMPLE; i++) {
    const code = asked[Math.floor(Math.random() * asked.length)];
    const answer = (await (
      await fetch(`${stack.base}/api/direct-report/gate/${code}`, { headers: { authorization: `Bearer ${stack.token}` } })
    ).json()) as { allowed: boolean; registeredStatisticians: number; registrationLink?: unknown };
    if (answer.allowed) allowed++;
    const { rows } = await db.query<{ n: number }>(
      `select count(*)::int as n from statisticians where status = 'active' and service_units @> $1::jsonb`,
      [JSON.stringify([{ code, verified: true }])],
    );
    // A refusal carries the enterprise's registration link; an allowed answer none.
    if (answer.registeredStatisticians !== rows[0]?.n || answer.allowed === Boolean(answer.registrationLink)) wrong++;
  }
  return { wrong, allowed };
}

async function main(): Promise<void> {
  ensureWrk();
  const stack = await startBenchStack();
  try {
    const db = new pg.Client({ connectionString: stack.databaseUrl });
    await db.connect();
    console.log(`Writing ${REGISTRATIONS.toLocaleString()} registrations …`);
    // Generated in SQL: fast, and each statistician serves 1–30 of 300 000 enterprises. A quarter of
    // the enterprises are listed unverified only (typed by hand): refused, with their signed link.
    const codes = Array.from({ length: 300_000 }, (_, i) => syntheticCreditCode('510104', i));
    await db.query('create temp table codes (i int primary key, code text)');
    await db.query('insert into codes select i, ($1::text[])[i + 1] from generate_series(0, 299999) i', [codes]);
    await db.query(
      `insert into statisticians (document_id, registration_no, status, locked, name, id_number, gender, birth_date, phone, education, qualification, employer, registered_by, service_units, submitted_at, created_at, updated_at, published_at)
       select 'bench' || lpad(s::text, 19, '0'), 'TJ-2026-' || lpad(s::text, 6, '0'), case when s % 50 = 0 then 'removed' else 'active' end, true, '测试', lpad(s::text, 18, '0'), 'male', '1990-01-01', '13800000000', '本科', '统计师', '测试单位', 'self',
         (select jsonb_agg(jsonb_build_object('code', c.code, 'name', '单位', 'role', 'specialised', 'verified', c.i % 4 <> 0)) from codes c where c.i in (select (s * 7 + k * 104729) % 300000 from generate_series(1, 1 + s % 30) k)),
         now(), now(), now(), now()
       from generate_series(1, ${REGISTRATIONS}) s`,
    );
    await db.query('analyze statisticians');
    // One in eleven codes asked about is listed by no registration.
    const asked = [...codes, ...Array.from({ length: 30_000 }, (_, i) => syntheticCreditCode('510105', i))];
    // Every instance re-counts the codes a bulk insert notified about; let it catch up first.
    await new Promise((resolve) => setTimeout(resolve, Number(process.env.GATE_SETTLE_MS ?? 5_000)));

    const headers = { authorization: `Bearer ${stack.token}` };
    const load: WrkLoad = {
      connections: CONCURRENCY,
      seconds: SECONDS,
      headers,
      // Random enterprises, drawn once and cycled: the client does no work per request but send.
      paths: Array.from({ length: DISTINCT_REQUESTS }, () => `/api/direct-report/gate/${asked[Math.floor(Math.random() * asked.length)]}`),
    };
    const result = await runWrk(stack.base, load);
    const checked = await checkAnswers(stack, db, asked);
    const floor = await measureFloor(await answerOf(`${stack.base}/api/direct-report/gate/${asked[0]}`, headers), { ...load, seconds: 10 });
    await db.end();
    const { p50, p97_5, p99 } = result;
    // Met only by right answers, every one of them 2xx.
    const met = p99 <= TARGET_P99_MS && checked.wrong === 0 && result.non2xx === 0 && result.socketErrors === 0;
    console.log(`
reporting-gate benchmark (this machine: 2 cores; client and server share it)
  registrations               ${REGISTRATIONS.toLocaleString()}
  requests                    ${result.requests.toLocaleString()} in ${SECONDS} s at ${CONCURRENCY} concurrent (${result.requestsPerSecond} req/s)
  answers                     ${result.non2xx} not 2xx, ${result.socketErrors} socket errors
  answers checked against SQL ${checked.wrong} wrong of ${SAMPLE} (${checked.allowed} of them allowed)
  latency p50 / p97.5 / p99   ${p50} / ${p97_5} / ${p99} ms (max ${result.max})  (target p99 ≤ ${TARGET_P99_MS} ms)
  client (wrk) CPU            ${result.clientCpuSeconds.toFixed(1)} s of the ${SECONDS} s
  bare node:http, same load   ${floor.requestsPerSecond} req/s, p50 ${floor.p50} ms, p99 ${floor.p99} ms; gate p99 is ${(p99 / Math.max(0.01, floor.p99)).toFixed(1)}× that
  target                      ${met ? 'met' : 'MISSED'}`);
  } finally {
    await stack.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
