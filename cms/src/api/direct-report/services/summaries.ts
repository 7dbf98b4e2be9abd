/**
 * The per-period summaries of the login events (migration 2026.11.25T00.00.00): what the report
 * reads instead of millions of raw events. Ingestion folds each batch into every summary whose
 * window it touches, in the batch's own transaction; a summary missing or built for another window
 * (the bureau edited the period) is rebuilt from the raw events. An advisory lock orders the two:
 * batches share it, a rebuild takes it alone, so no batch is folded in twice or missed.
 */
import type { Knex } from 'knex';

const LOCK_KEY = `hashtextextended('dr_period_summaries', 0)`;

export interface StoredEvent {
  enterprise_code: string;
  /** ISO 8601 instant. */
  at: string;
  event_key: string;
  account: string;
  account_kind: string;
  ip: string;
}

const COLUMNS = ['enterprise_code', 'at', 'event_key', 'account', 'account_kind', 'ip'] as const satisfies ReadonlyArray<keyof StoredEvent>;

export interface SummaryWindow {
  code: string;
  opensAt: Date;
  closesAt: Date;
}

// Rule step 2 per batch: an enterprise's first login replaces the stored one only when earlier
// (time, then arrival order), its last only when later; arrival order is the events' seq.
const FOLD_SQL = `
  with incoming as (
    select * from unnest(
      string_to_array(?, E'\\n'), string_to_array(?, E'\\n')::timestamptz[], string_to_array(?, E'\\n'),
      string_to_array(?, E'\\n'), string_to_array(?, E'\\n'), string_to_array(?, E'\\n'), string_to_array(?, E'\\n')::bigint[]
    ) as x(enterprise_code, at, event_key, account, account_kind, ip, seq)
  ),
  stored as (
    insert into dr_login_events (enterprise_code, at, event_key, account, account_kind, ip, seq)
    select enterprise_code, at, event_key, account, account_kind, ip, seq from incoming
    on conflict do nothing
    returning enterprise_code, at, seq, account, account_kind, ip
  ),
  counted as (
    select s.period_code, e.enterprise_code, e.at, e.seq, e.account, e.ip
    from stored e join dr_period_summaries s on e.at >= s.opens_at and e.at < s.closes_at
    where e.account_kind = 'enterprise'
  ),
  firsts as (
    select distinct on (period_code, enterprise_code) period_code, enterprise_code, at, seq, ip
    from counted order by period_code, enterprise_code, at, seq
  ),
  lasts as (
    select distinct on (period_code, enterprise_code) period_code, enterprise_code, at, seq, ip
    from counted order by period_code, enterprise_code, at desc, seq desc
  ),
  logins as (
    insert into dr_period_logins as p (period_code, enterprise_code, first_at, first_seq, first_ip, last_at, last_seq, last_ip)
    select f.period_code, f.enterprise_code, f.at, f.seq, f.ip, l.at, l.seq, l.ip
    from firsts f join lasts l using (period_code, enterprise_code)
    order by 1, 2
    on conflict (period_code, enterprise_code) do update set
      first_at = case when (excluded.first_at, excluded.first_seq) < (p.first_at, p.first_seq) then excluded.first_at else p.first_at end,
      first_seq = case when (excluded.first_at, excluded.first_seq) < (p.first_at, p.first_seq) then excluded.first_seq else p.first_seq end,
      first_ip = case when (excluded.first_at, excluded.first_seq) < (p.first_at, p.first_seq) then excluded.first_ip else p.first_ip end,
      last_at = case when (excluded.last_at, excluded.last_seq) > (p.last_at, p.last_seq) then excluded.last_at else p.last_at end,
      last_seq = case when (excluded.last_at, excluded.last_seq) > (p.last_at, p.last_seq) then excluded.last_seq else p.last_seq end,
      last_ip = case when (excluded.last_at, excluded.last_seq) > (p.last_at, p.last_seq) then excluded.last_ip else p.last_ip end
  ),
  pairs as (
    insert into dr_period_ip_enterprises (period_code, ip, enterprise_code)
    select distinct period_code, ip, enterprise_code from counted order by 1, 2, 3
    on conflict do nothing
    returning period_code, ip
  ),
  ips as (
    insert into dr_period_ips as p (period_code, ip, enterprises)
    select period_code, ip, count(*) from pairs group by 1, 2 order by 1, 2
    on conflict (period_code, ip) do update set enterprises = p.enterprises + excluded.enterprises
  ),
  ip_accounts as (
    insert into dr_period_ip_accounts as p (period_code, ip, enterprise_code, account, first_seen, last_seen)
    select period_code, ip, enterprise_code, account, min(at), max(at) from counted
    group by 1, 2, 3, 4 order by 1, 2, 3, 4
    on conflict (period_code, ip, enterprise_code, account) do update set
      first_seen = least(p.first_seen, excluded.first_seen),
      last_seen = greatest(p.last_seen, excluded.last_seen)
  )
  select count(*)::int as stored from stored`;

/**
 * Numbers for `count` events in arrival order (rule step 2 breaks ties by it), taken before the
 * batch is written so that batches written side by side still rank in the order they arrived.
 */
export async function reserveArrivalOrder(knex: Knex, count: number): Promise<string[]> {
  const result = await knex.raw(`select nextval('dr_login_events_seq')::text as seq from generate_series(1, ?)`, [count]);
  return (result.rows as Array<{ seq: string }>).map((row) => row.seq).sort((a, b) => Number(a) - Number(b));
}

// Batches written side by side may wait on each other's summary rows in opposite orders; the
// one PostgreSQL picks to fail is written again.
const DEADLOCK = '40P01';
const ATTEMPTS = 3;

/**
 * Stores a batch of events (a re-sent one meets its key and is skipped) and folds the new ones
 * into the summaries, all or nothing. Rows are in arrival order, numbered by
 * reserveArrivalOrder (here when not given). Returns how many were new.
 */
export async function storeEvents(knex: Knex, rows: StoredEvent[], arrival?: string[]): Promise<number> {
  if (rows.length === 0) return 0;
  const seq = arrival ?? (await reserveArrivalOrder(knex, rows.length));
  // One text per column, its values a line each: cheaper on both sides than array literals,
  // whose escaping cost Strapi a tenth of its ingestion time. Ingestion refuses control
  // characters in the two free-text columns (parse-events.ts); a newline would shift the rows.
  if (rows.some((row) => row.account.includes('\n') || row.event_key.includes('\n'))) throw new Error('an event holds a newline');
  const columns = [...COLUMNS.map((column) => rows.map((row) => row[column]).join('\n')), seq.join('\n')];
  for (let attempt = 1; ; attempt++) {
    try {
      return await knex.transaction(async (trx) => {
        await trx.raw(`select pg_advisory_xact_lock_shared(${LOCK_KEY})`);
        return ((await trx.raw(FOLD_SQL, columns)).rows[0]?.stored as number) ?? 0;
      });
    } catch (error) {
      if ((error as { code?: string }).code !== DEADLOCK || attempt === ATTEMPTS) throw error;
    }
  }
}

const builtFor = async (knex: Knex, window: SummaryWindow): Promise<boolean> => {
  const row = (await knex.raw('select opens_at, closes_at from dr_period_summaries where period_code = ?', [window.code])).rows[0] as
    | { opens_at: Date; closes_at: Date }
    | undefined;
  return row !== undefined && row.opens_at.getTime() === window.opensAt.getTime() && row.closes_at.getTime() === window.closesAt.getTime();
};

/** Makes sure the period's summary is built for its current window, rebuilding it from the raw events if not. */
export async function ensureSummary(knex: Knex, window: SummaryWindow): Promise<void> {
  if (await builtFor(knex, window)) return;
  await knex.transaction(async (trx) => {
    await trx.raw(`select pg_advisory_xact_lock(${LOCK_KEY})`);
    // Millions of logins sorted by enterprise: in memory, not in temporary files.
    await trx.raw(`set local work_mem = '256MB'`);
    // Another instance may have built it while this one waited for the lock.
    if (await builtFor(trx, window)) return;
    const bounds = { code: window.code, opens: window.opensAt, closes: window.closesAt };
    await trx.raw('delete from dr_period_summaries where period_code = :code', bounds);
    await trx.raw('insert into dr_period_summaries (period_code, opens_at, closes_at) values (:code, :opens, :closes)', bounds);
    await trx.raw(
      `insert into dr_period_logins (period_code, enterprise_code, first_at, first_seq, first_ip, last_at, last_seq, last_ip)
       select :code, f.enterprise_code, f.at, f.seq, f.ip, l.at, l.seq, l.ip
       from (select distinct on (enterprise_code) enterprise_code, at, seq, ip from dr_login_events
             where account_kind = 'enterprise' and at >= :opens and at < :closes order by enterprise_code, at, seq) f
       join (select distinct on (enterprise_code) enterprise_code, at, seq, ip from dr_login_events
             where account_kind = 'enterprise' and at >= :opens and at < :closes order by enterprise_code, at desc, seq desc) l
       using (enterprise_code)`,
      bounds,
    );
    await trx.raw(
      `insert into dr_period_ip_accounts (period_code, ip, enterprise_code, account, first_seen, last_seen)
       select :code, ip, enterprise_code, account, min(at), max(at) from dr_login_events
       where account_kind = 'enterprise' and at >= :opens and at < :closes
       group by ip, enterprise_code, account`,
      bounds,
    );
    await trx.raw(
      `insert into dr_period_ip_enterprises (period_code, ip, enterprise_code)
       select distinct period_code, ip, enterprise_code from dr_period_ip_accounts where period_code = :code`,
      bounds,
    );
    await trx.raw(
      `insert into dr_period_ips (period_code, ip, enterprises)
       select period_code, ip, count(*) from dr_period_ip_enterprises where period_code = :code group by period_code, ip`,
      bounds,
    );
    await analyzeSummaries(trx);
  });
}

/**
 * Fresh planner statistics for the summaries. Left to autovacuum, a report right after a large
 * batch was planned on the empty tables' figures: 80 000 index probes instead of hash joins,
 * three times slower.
 */
export async function analyzeSummaries(knex: Knex): Promise<void> {
  await knex.raw('analyze dr_period_logins, dr_period_ips, dr_period_ip_enterprises, dr_period_ip_accounts');
}

/** Drops the summaries of periods deleted or renamed: they would be maintained at every batch for nothing. */
export async function dropOrphanedSummaries(knex: Knex): Promise<void> {
  await knex.raw('delete from dr_period_summaries s where not exists (select 1 from reporting_periods p where p.code = s.period_code)');
}
