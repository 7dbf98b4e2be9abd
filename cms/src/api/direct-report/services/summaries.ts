/**
 * The per-period summaries of the login events (migration 2026.11.25T00.00.00): what the report
 * reads instead of millions of raw events. Ingestion folds each batch into every summary whose
 * window it touches, in the batch's own transaction (store-events.ts); a summary missing or built
 * for another window (the bureau edited the period) is rebuilt from the raw events, here. An advisory lock orders the two:
 * batches share it, a rebuild takes it alone, so no batch is folded in twice or missed.
 */
import type { Knex } from 'knex';

/** Batches take it shared (store-events.ts), a rebuild alone. */
export const SUMMARY_LOCK = `hashtextextended('dr_period_summaries', 0)`;

export interface SummaryWindow {
  code: string;
  opensAt: Date;
  closesAt: Date;
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
    await trx.raw(`select pg_advisory_xact_lock(${SUMMARY_LOCK})`);
    // Millions of logins sorted by enterprise: in memory, not in temporary files.
    await trx.raw(`set local work_mem = '256MB'`);
    // Another instance may have built it while this one waited for the lock.
    if (await builtFor(trx, window)) return;
    const bounds = { code: window.code, opens: window.opensAt, closes: window.closesAt };
    await deleteSummary(trx, window.code);
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

/** Every table of the summaries, the one that lists them last. */
export const SUMMARY_TABLES = [
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
