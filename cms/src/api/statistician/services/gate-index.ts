import type { Core } from '@strapi/strapi';
import pg from 'pg';

/** The channel the migration's trigger notifies on. */
export const CHANNEL = 'statdesk_gate';
const RETRY_MS = 2_000;

/** Active registrations per verified service unit (services/gate.ts count), for one code list or all (null). */
const COUNTS = `select unit->>'code' as code, count(*)::int as n
  from statisticians, jsonb_array_elements(service_units) unit
  where status = 'active' and unit->'verified' = 'true'::jsonb and ($1::text[] is null or unit->>'code' = any($1))
  group by 1`;

/**
 * What the NOTIFY of statdesk_gate_notify() carries instead of a code list when the list is too long
 * (the trigger is created by database/migrations/2026.12.02T01.00.00.content-type-indexes-and-gate-trigger.sql).
 */
export const RECOUNT_ALL = '*';

/**
 * The gate's answers in memory (p99 ≤ 20 ms on the platform's login path, docs/benchmarks.md),
 * correct across instances: each instance LISTENs, and a trigger NOTIFYs the codes every change
 * touches, which are then re-counted from the table. While the listening connection is down the
 * index is not trusted (`ready` is false) and callers ask PostgreSQL; on reconnecting it loads
 * everything again.
 */
export function createGateIndex(strapi: Core.Strapi) {
  const counts = new Map<string, number>();
  let ready = false;
  let client: pg.Client | undefined;
  let stopped = false;

  const connection = () => strapi.config.get('database.connection.connection') as pg.ClientConfig | string;

  async function recount(codes: string[] | null, db: pg.Client) {
    const result = await db.query<{ code: string; n: number }>(COUNTS, [codes]);
    if (codes === null) counts.clear();
    for (const code of codes ?? []) counts.delete(code);
    for (const row of result.rows) counts.set(row.code, row.n);
  }

  async function connect(): Promise<void> {
    if (stopped) return;
    const db = new pg.Client(connection());
    client = db;
    const lost = () => {
      ready = false;
      db.removeAllListeners();
      db.end().catch(() => {});
      if (!stopped) setTimeout(() => void connect().catch(lost), RETRY_MS).unref();
    };
    db.on('error', lost);
    db.on('end', () => {
      if (!stopped) lost();
    });
    await db.connect();
    // Listen first, then load: a change during the load is re-counted when its notice arrives.
    await db.query(`listen ${CHANNEL}`);
    // Notices arriving while a re-count runs are gathered and re-counted together after it.
    const pending = new Set<string>();
    let all = false;
    let flushing = false;
    const flush = async () => {
      flushing = true;
      while (all || pending.size > 0) {
        const codes = all ? null : [...pending];
        all = false;
        pending.clear();
        await recount(codes, db);
      }
      flushing = false;
    };
    db.on('notification', (message) => {
      const touched = JSON.parse(message.payload ?? '[]') as string[] | typeof RECOUNT_ALL;
      if (touched === RECOUNT_ALL) all = true;
      else for (const code of touched) pending.add(code);
      if (!flushing) setImmediate(() => void flush().catch(lost));
    });
    await recount(null, db);
    ready = true;
  }

  return {
    start: () => connect(),
    /** Re-counts codes now, after a change this instance committed (the notice may come a little later). */
    async refresh(codes: string[]) {
      if (ready && client) await recount(codes, client);
    },
    /** The count for a code, or undefined when the index cannot be trusted right now. */
    count: (code: string): number | undefined => (ready ? (counts.get(code) ?? 0) : undefined),
    async stop() {
      stopped = true;
      ready = false;
      await client?.end().catch(() => {});
    },
  };
}
export type GateIndex = ReturnType<typeof createGateIndex>;
