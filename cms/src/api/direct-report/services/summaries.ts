/**
 * The per-period summaries of the login events (migration 2026.11.25T00.00.00): what the report
 * reads instead of millions of raw events. Each batch stages its summary for every window it
 * touches, in the batch's own transaction (store-events.ts); the staged rows are merged into the
 * summaries here, in large steps and always before a summary is read; a summary missing or built
 * for another window (the bureau edited the period) is rebuilt from the raw events, here. An
 * advisory lock orders them: batches share it, a merge or a rebuild takes it alone, so no batch
 * is merged twice or missed.
 */
import type { Knex } from 'knex';
import { LOGIN_KEY } from './fold';

/** Batches take it shared (store-events.ts), a rebuild alone. */
export const SUMMARY_LOCK = `hashtextextended('dr_period_summaries', 0)`;

export interface SummaryWindow {
  code: string;
  opensAt: Date;
  closesAt: Date;
}

// Rule step 2 across batches: an enterprise's first login is the least of its staged rows' login
// keys (fold.ts: time, then arrival order, then the IP), and replaces the stored one only when
// earlier; its last, likewise, the greatest, when later.
const { ISO_INSTANT_CHARS, SEQ_DIGITS } = LOGIN_KEY;
const AT = (key: string) => `substr(${key}, 1, ${ISO_INSTANT_CHARS})::timestamptz`;
const SEQ = (key: string) => `substr(${key}, ${ISO_INSTANT_CHARS + 1}, ${SEQ_DIGITS})::bigint`;
const IP = (key: string) => `substr(${key}, ${ISO_INSTANT_CHARS + SEQ_DIGITS + 1})`;
const MERGE_LOGINS_SQL = `
  insert into dr_period_logins as p (period_code, enterprise_code, first_at, first_seq, first_ip, last_at, last_seq, last_ip)
  select period_code, enterprise_code, ${AT('f')}, ${SEQ('f')}, ${IP('f')}, ${AT('l')}, ${SEQ('l')}, ${IP('l')}
  from (select period_code, enterprise_code, min(first_key) as f, max(last_key) as l from dr_period_staged group by 1, 2) staged
  on conflict (period_code, enterprise_code) do update set
    first_at = case when (excluded.first_at, excluded.first_seq) < (p.first_at, p.first_seq) then excluded.first_at else p.first_at end,
    first_seq = case when (excluded.first_at, excluded.first_seq) < (p.first_at, p.first_seq) then excluded.first_seq else p.first_seq end,
    first_ip = case when (excluded.first_at, excluded.first_seq) < (p.first_at, p.first_seq) then excluded.first_ip else p.first_ip end,
    last_at = case when (excluded.last_at, excluded.last_seq) > (p.last_at, p.last_seq) then excluded.last_at else p.last_at end,
    last_seq = case when (excluded.last_at, excluded.last_seq) > (p.last_at, p.last_seq) then excluded.last_seq else p.last_seq end,
    last_ip = case when (excluded.last_at, excluded.last_seq) > (p.last_at, p.last_seq) then excluded.last_ip else p.last_ip end`;

// Rule step 3 and the shared-IP table: each (IP, enterprise, account) first and last seen, then
// the (IP, enterprise) pairs and per IP how many enterprises.
const MERGE_ACCOUNTS_SQL = `
  with ip_accounts as (
    insert into dr_period_ip_accounts as p (period_code, ip, enterprise_code, account, first_seen, last_seen)
    select period_code, ip, enterprise_code, account, ${AT('min(first_key)')}, ${AT('max(last_key)')} from dr_period_staged
    group by 1, 2, 3, 4
    on conflict (period_code, ip, enterprise_code, account) do update set
      first_seen = least(p.first_seen, excluded.first_seen),
      last_seen = greatest(p.last_seen, excluded.last_seen)
    returning old.account is null as inserted, new.period_code, new.ip, new.enterprise_code
  ),
  -- An (IP, enterprise) pair can be new only with one of its accounts' rows: the pairs are probed
  -- for those alone (PostgreSQL 18's RETURNING old).
  pairs as (
    insert into dr_period_ip_enterprises (period_code, ip, enterprise_code)
    select distinct period_code, ip, enterprise_code from ip_accounts where inserted order by 1, 2, 3
    on conflict do nothing
    returning period_code, ip
  ),
  ips as (
    insert into dr_period_ips as p (period_code, ip, enterprises)
    select period_code, ip, count(*) from pairs group by 1, 2 order by 1, 2
    on conflict (period_code, ip) do update set enterprises = p.enterprises + excluded.enterprises
  )
  select 1`;

/** Merged enterprises after which the planner's statistics of the summaries are refreshed. */
const ANALYZE_AFTER = 10_000;

const hasStaged = async (knex: Knex): Promise<boolean> =>
  (await knex.raw('select exists (select 1 from dr_period_staged) as staged')).rows[0].staged;

/**
 * Merges every staged batch summary into the summaries and empties the stage. Under the exclusive
 * lock, so every staged row is committed and no batch stages meanwhile. Answers whether there
 * was anything to merge.
 */
async function mergeStaged(trx: Knex.Transaction): Promise<boolean> {
  if (!(await hasStaged(trx))) return false;
  // A step's rows aggregated in memory, not in temporary files.
  await trx.raw(`set local work_mem = '256MB'`);
  const merged = (await trx.raw(MERGE_LOGINS_SQL)).rowCount ?? 0;
  await trx.raw(MERGE_ACCOUNTS_SQL);
  await trx.raw('truncate dr_period_staged');
  if (merged >= ANALYZE_AFTER) await analyzeSummaries(trx);
  return true;
}

/**
 * Brings the summaries up to date with every batch stored: what a report, a close or a window
 * change reads first, and what ingestion calls every so many logins. Cheap when nothing is staged.
 */
export async function foldStaged(knex: Knex): Promise<boolean> {
  if (!(await hasStaged(knex))) return false;
  return knex.transaction(async (trx) => {
    await trx.raw(`select pg_advisory_xact_lock(${SUMMARY_LOCK})`);
    // Another instance may have merged them while this one waited for the lock.
    return mergeStaged(trx);
  });
}

/** The window a period's summary was built for, if it has one. */
const builtWindow = async (knex: Knex, code: string): Promise<{ opensAt: Date; closesAt: Date } | undefined> => {
  const row = (await knex.raw('select opens_at, closes_at from dr_period_summaries where period_code = ?', [code])).rows[0] as
    | { opens_at: Date; closes_at: Date }
    | undefined;
  return row && { opensAt: row.opens_at, closesAt: row.closes_at };
};

const builtFor = (built: { opensAt: Date; closesAt: Date } | undefined, window: SummaryWindow): boolean =>
  built !== undefined && built.opensAt.getTime() === window.opensAt.getTime() && built.closesAt.getTime() === window.closesAt.getTime();

/** Rule step 1 over the raw events, for the enterprises being rebuilt (all, or those in dr_rebuilt). */
const loginsIn = (only: boolean) =>
  `account_kind = 'enterprise' and at >= :opens and at < :closes${only ? ' and enterprise_code in (select enterprise_code from dr_rebuilt)' : ''}`;

/**
 * The summary rows of the enterprises being rebuilt (every one, or those listed in dr_rebuilt)
 * from the raw events of the window, in SQL: nothing passes through JavaScript. The IPs' counts
 * are left to the caller, which knows which IPs changed.
 */
async function insertFromEvents(trx: Knex.Transaction, bounds: Record<string, unknown>, only: boolean): Promise<void> {
  await trx.raw(
    `insert into dr_period_logins (period_code, enterprise_code, first_at, first_seq, first_ip, last_at, last_seq, last_ip)
     select :code, f.enterprise_code, f.at, f.seq, f.ip, l.at, l.seq, l.ip
     from (select distinct on (enterprise_code) enterprise_code, at, seq, ip from dr_login_events
           where ${loginsIn(only)} order by enterprise_code, at, seq) f
     join (select distinct on (enterprise_code) enterprise_code, at, seq, ip from dr_login_events
           where ${loginsIn(only)} order by enterprise_code, at desc, seq desc) l
     using (enterprise_code)`,
    bounds,
  );
  await trx.raw(
    `insert into dr_period_ip_accounts (period_code, ip, enterprise_code, account, first_seen, last_seen)
     select :code, ip, enterprise_code, account, min(at), max(at) from dr_login_events
     where ${loginsIn(only)}
     group by ip, enterprise_code, account`,
    bounds,
  );
  await trx.raw(
    `insert into dr_period_ip_enterprises (period_code, ip, enterprise_code)
     select distinct period_code, ip, enterprise_code from dr_period_ip_accounts where period_code = :code
     ${only ? 'and enterprise_code in (select enterprise_code from dr_rebuilt)' : ''}`,
    bounds,
  );
}

/** Builds a period's summary for its window from nothing. Under the exclusive lock. */
async function buildAll(trx: Knex.Transaction, bounds: Record<string, unknown>): Promise<void> {
  await deleteSummary(trx, bounds.code as string);
  await trx.raw('insert into dr_period_summaries (period_code, opens_at, closes_at) values (:code, :opens, :closes)', bounds);
  await insertFromEvents(trx, bounds, false);
  await trx.raw(
    `insert into dr_period_ips (period_code, ip, enterprises)
     select period_code, ip, count(*) from dr_period_ip_enterprises where period_code = :code group by period_code, ip`,
    bounds,
  );
}

/**
 * Moves a summary built for another window to this one. Only an enterprise with an
 * enterprise-kind login inside one window and outside the other can change (rule steps 1–3 read
 * nothing else), so only those are rebuilt from the raw events, along their primary key, with the
 * counts of the IPs they had or have: moving a month's window by a day reads that day's logins,
 * not the month's. Under the exclusive lock.
 */
async function moveWindow(trx: Knex.Transaction, bounds: Record<string, unknown>, built: { opensAt: Date; closesAt: Date }) {
  const moved = { ...bounds, old_opens: built.opensAt, old_closes: built.closesAt };
  await trx.raw(
    `create temporary table dr_rebuilt on commit drop as
     select distinct enterprise_code from dr_login_events
     where account_kind = 'enterprise' and at >= least(:opens::timestamptz, :old_opens::timestamptz) and at < greatest(:closes::timestamptz, :old_closes::timestamptz)
       and (at >= :opens and at < :closes) <> (at >= :old_opens and at < :old_closes)`,
    moved,
  );
  await trx.raw('analyze dr_rebuilt');
  const only = 'enterprise_code in (select enterprise_code from dr_rebuilt)';
  await trx.raw(
    `create temporary table dr_rebuilt_ips on commit drop as
     select distinct ip from dr_period_ip_enterprises where period_code = :code and ${only}`,
    moved,
  );
  for (const table of ['dr_period_logins', 'dr_period_ip_accounts', 'dr_period_ip_enterprises']) {
    await trx.raw(`delete from ${table} where period_code = :code and ${only}`, moved);
  }
  await insertFromEvents(trx, moved, true);
  await trx.raw(`insert into dr_rebuilt_ips select distinct ip from dr_period_ip_enterprises where period_code = :code and ${only}`, moved);
  const touched = 'ip in (select ip from dr_rebuilt_ips)';
  await trx.raw(`delete from dr_period_ips where period_code = :code and ${touched}`, moved);
  await trx.raw(
    `insert into dr_period_ips (period_code, ip, enterprises)
     select period_code, ip, count(*) from dr_period_ip_enterprises where period_code = :code and ${touched} group by period_code, ip`,
    moved,
  );
  await trx.raw('update dr_period_summaries set opens_at = :opens, closes_at = :closes, built_at = now() where period_code = :code', moved);
}

/**
 * Makes sure the period's summary is built for its current window, with every batch stored
 * merged: moved from the window it was built for, or built from the raw events when it has none.
 */
export async function ensureSummary(knex: Knex, window: SummaryWindow): Promise<void> {
  if (builtFor(await builtWindow(knex, window.code), window)) {
    await foldStaged(knex);
    return;
  }
  await knex.transaction(async (trx) => {
    await trx.raw(`select pg_advisory_xact_lock(${SUMMARY_LOCK})`);
    // The staged rows were summarised for the window the summary was built for: merged first.
    await mergeStaged(trx);
    // Millions of logins sorted by enterprise: in memory, not in temporary files.
    await trx.raw(`set local work_mem = '256MB'`);
    // Another instance may have built it while this one waited for the lock.
    const built = await builtWindow(trx, window.code);
    if (builtFor(built, window)) return;
    const bounds = { code: window.code, opens: window.opensAt, closes: window.closesAt };
    if (built) await moveWindow(trx, bounds, built);
    else await buildAll(trx, bounds);
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

/** Every table of the summaries, the one that lists them last. */
export const SUMMARY_TABLES = [
  'dr_period_staged',
  'dr_period_logins',
  'dr_period_ip_accounts',
  'dr_period_ip_enterprises',
  'dr_period_ips',
  'dr_period_summaries',
];

/** A period's summary rows (no foreign key cascades them: see migration 2026.11.27T00.00.00). Under the exclusive lock. */
async function deleteSummary(trx: Knex.Transaction, code: string): Promise<void> {
  for (const table of SUMMARY_TABLES) {
    await trx.raw(`delete from ${table} where period_code = ?`, [code]);
  }
}

/** Drops the summaries of periods deleted or renamed: they would be maintained at every batch for nothing. */
export async function dropOrphanedSummaries(knex: Knex): Promise<void> {
  const orphans = async (db: Knex) =>
    (
      await db.raw(
        'select period_code from dr_period_summaries s where not exists (select 1 from reporting_periods p where p.code = s.period_code)',
      )
    ).rows as Array<{ period_code: string }>;
  // Saving a period calls this; the lock, which waits for the batches being written, only when needed.
  if ((await orphans(knex)).length === 0) return;
  await knex.transaction(async (trx) => {
    await trx.raw(`select pg_advisory_xact_lock(${SUMMARY_LOCK})`);
    for (const { period_code } of await orphans(trx)) await deleteSummary(trx, period_code);
  });
}
