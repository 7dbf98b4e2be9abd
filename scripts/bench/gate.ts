/**
 * `npm run bench:gate`: the reporting gate on the platform's login path (issue 7). With 100 000
 * registrations (each with 1–30 service units), 100 concurrent clients ask for random
 * enterprises for 20 s; prints throughput and p50/p95/p99 (target p99 ≤ 20 ms). Loopback only.
 */
import pg from 'pg';
import { syntheticCreditCode } from '../../config/src/direct-report/synthetic.ts';
import { median, percentile, startBenchStack } from './stack.ts';

const REGISTRATIONS = 100_000;
const CONCURRENCY = 100;
const SECONDS = 20;

async function main(): Promise<void> {
  const stack = await startBenchStack();
  try {
    const db = new pg.Client({ connectionString: stack.databaseUrl });
    await db.connect();
    console.log(`Writing ${REGISTRATIONS.toLocaleString()} registrations …`);
    // Generated in SQL: fast, and each statistician serves 1–30 of 300 000 enterprises.
    const codes = Array.from({ length: 300_000 }, (_, i) => syntheticCreditCode('510104', i));
    await db.query('create temp table codes (i int primary key, code text)');
    await db.query('insert into codes select i, ($1::text[])[i + 1] from generate_series(0, 299999) i', [codes]);
    await db.query(
      `insert into statisticians (document_id, registration_no, status, locked, name, id_number, gender, birth_date, phone, education, qualification, employer, registered_by, service_units, submitted_at, created_at, updated_at, published_at)
       select 'bench' || lpad(s::text, 19, '0'), 'TJ-2026-' || lpad(s::text, 6, '0'), case when s % 50 = 0 then 'removed' else 'active' end, true, '测试', lpad(s::text, 18, '0'), 'male', '1990-01-01', '13800000000', '本科', '统计师', '测试单位', 'self',
         (select jsonb_agg(jsonb_build_object('code', c.code, 'name', '单位', 'role', 'specialised')) from codes c where c.i in (select (s * 7 + k * 104729) % 300000 from generate_series(1, 1 + s % 30) k)),
         now(), now(), now(), now()
       from generate_series(1, ${REGISTRATIONS}) s`,
    );
    await db.query('analyze statisticians');
    await db.end();
    // Every instance re-counts the codes a bulk insert notified about; let it catch up first.
    await new Promise((resolve) => setTimeout(resolve, 5_000));

    const latencies: number[] = [];
    let allowed = 0;
    const statuses = new Map<number, number>();
    const deadline = Date.now() + SECONDS * 1000;
    const client = async () => {
      while (Date.now() < deadline) {
        const code = codes[Math.floor(Math.random() * codes.length)];
        const started = performance.now();
        const response = await fetch(`${stack.base}/api/direct-report/gate/${code}`, {
          headers: { authorization: `Bearer ${stack.token}` },
        });
        const body = (await response.json()) as { allowed: boolean };
        latencies.push(performance.now() - started);
        statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
        if (body.allowed) allowed++;
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, client));
    console.log(`
reporting-gate benchmark (this machine: 2 cores; client and server share it)
  registrations               ${REGISTRATIONS.toLocaleString()}
  requests                    ${latencies.length.toLocaleString()} in ${SECONDS} s at ${CONCURRENCY} concurrent (${Math.round(latencies.length / SECONDS)} req/s), ${allowed.toLocaleString()} allowed
  answers by HTTP status        ${[...statuses].map(([status, n]) => `${status}: ${n.toLocaleString()}`).join(', ')}
  latency p50 / p95 / p99     ${median(latencies).toFixed(1)} / ${percentile(latencies, 95).toFixed(1)} / ${percentile(latencies, 99).toFixed(1)} ms  (target p99 ≤ 20 ms)`);
  } finally {
    await stack.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
