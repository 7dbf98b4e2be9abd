import { formatRecordNo } from '@statdesk/config';
import type { Knex } from 'knex';

/**
 * The next number of a prefix and year (JG-2026-000123), inside the caller's transaction: the
 * counter row stays locked until it commits, so numbers are gap-free and never given twice.
 */
export async function allocateRecordNo(trx: Knex.Transaction, prefix: string, year: number): Promise<string> {
  const result = await trx.raw(
    `insert into record_counters (prefix, year, last_value) values (?, ?, 1)
     on conflict (prefix, year) do update set last_value = record_counters.last_value + 1
     returning last_value`,
    [prefix, year],
  );
  return formatRecordNo(prefix, year, Number(result.rows[0].last_value));
}
