/**
 * The write path of the login events: each batch is stored, and its summary for every window it
 * touches (fold.ts) staged for the summaries, in the batch's own transaction, under the summaries'
 * lock taken shared (summaries.ts merges the staged rows and rebuilds under it taken alone).
 */
import type { Knex } from 'knex';
import { type FoldWindow, foldBatch, STAGED_COLUMNS } from './fold';
import { STORED_EVENT_COLUMNS, type StoredEvent } from './stored-event';
import { SUMMARY_LOCK } from './summaries';

// Collation "C", as the tables' keys (migration 2026.11.26T00.00.00): the upserts sort these
// columns, and under the database's C.UTF-8 every comparison went through strcoll().
const LINES = `string_to_array(?::text collate "C", E'\\n')`;
const lines = (n: number, casts: Record<number, string> = {}) =>
  Array.from({ length: n }, (_, i) => `${LINES}${casts[i] ?? ''}`).join(', ');

/** Stores the batch; a re-sent event meets its primary key and is skipped. Answers the arrival numbers of the rows stored. */
const INSERT_SQL = `
  with stored as (
    insert into dr_login_events (enterprise_code, at, event_key, account, account_kind, ip, seq)
    select * from unnest(${lines(7, { 1: '::timestamptz[]', 6: '::bigint[]' })})
    on conflict do nothing
    returning seq
  )
  select count(*)::int as stored, string_agg(seq::text, ',') as seqs from stored`;

/** The batch's summary rows (fold.ts), appended for the next step to merge (summaries.ts, foldStaged). */
const STAGE_SQL = `
  insert into dr_period_staged (${STAGED_COLUMNS.join(', ')})
  select * from unnest(${lines(6)})`;

/** The windows of the summaries a batch is folded into, as fold.ts compares them. */
async function foldWindows(trx: Knex.Transaction): Promise<FoldWindow[]> {
  const result = await trx.raw(
    'select period_code, extract(epoch from opens_at) * 1000 as opens, extract(epoch from closes_at) * 1000 as closes from dr_period_summaries',
  );
  return (result.rows as Array<{ period_code: string; opens: string; closes: string }>).map((row) => ({
    period: row.period_code,
    opens: Number(row.opens),
    closes: Number(row.closes),
  }));
}

/** The positions in the batch of the rows with these arrival numbers (the new rows of a partly re-sent batch). */
function rowsArrivedAs(seq: string[], wanted: string[]): number[] {
  const indexOf = new Map(seq.map((value, index) => [value, index]));
  return wanted.map((value) => indexOf.get(value) as number);
}

/** How many arrival numbers one nextval reserves: the sequence's increment (migration 2026.11.27T00.00.01). */
const ARRIVAL_BLOCK = 10_000;

/**
 * Numbers for `count` events in arrival order (rule step 2 breaks ties by it), taken before the
 * batch is written so that batches written side by side still rank in the order they arrived.
 * A batch of ingestion takes one block; a larger call (the seed, tests) takes several.
 */
export async function reserveArrivalOrder(knex: Knex, count: number): Promise<string[]> {
  const blocks = Math.ceil(count / ARRIVAL_BLOCK);
  const result = await knex.raw(`select nextval('dr_login_events_seq')::text as first from generate_series(1, ?)`, [blocks]);
  const firsts = (result.rows as Array<{ first: string }>).map((row) => Number(row.first)).sort((a, b) => a - b);
  return Array.from({ length: count }, (_, i) => String((firsts[Math.floor(i / ARRIVAL_BLOCK)] as number) + (i % ARRIVAL_BLOCK)));
}

// Named, so that each connection plans the two once: planning them took 4.5 ms of every batch.
const PREPARED = { insert: { name: 'dr_store_events' }, stage: { name: 'dr_stage_events' } };

// Batches written side by side (a request sent again while the first is written) may wait on
// each other's event keys in opposite orders; the one PostgreSQL picks to fail is written again.
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
  const columns = [...STORED_EVENT_COLUMNS.map((column) => rows.map((row) => row[column]).join('\n')), seq.join('\n')];
  for (let attempt = 1; ; attempt++) {
    try {
      return await knex.transaction(async (trx) => {
        await trx.raw(`select pg_advisory_xact_lock_shared(${SUMMARY_LOCK})`);
        const windows = await foldWindows(trx);
        const { stored, seqs } = (await trx.raw(INSERT_SQL, columns).options(PREPARED.insert)).rows[0] as {
          stored: number;
          seqs: string | null;
        };
        if (stored > 0 && windows.length > 0) {
          const storedRows = stored === rows.length ? rows.keys() : rowsArrivedAs(seq, (seqs ?? '').split(','));
          await trx.raw(STAGE_SQL, foldBatch(rows, seq, storedRows, windows)).options(PREPARED.stage);
        }
        return stored;
      });
    } catch (error) {
      if ((error as { code?: string }).code !== DEADLOCK || attempt === ATTEMPTS) throw error;
    }
  }
}
