import type { Knex } from 'knex';

/** The first instant of the UTC month of `date`, and of the next month. */
const monthBounds = (date: Date): [Date, Date] => [
  new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1)),
  new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1)),
];

/**
 * Creates the monthly partitions of dr_login_events that these logins fall into. An advisory
 * lock keeps two instances from racing to create the same one. (Partition bounds cannot be bind
 * parameters; they are ISO timestamps computed here, never input text.)
 */
export async function ensureMonthPartitions(knex: Knex, dates: Iterable<Date>): Promise<void> {
  const months = new Map<string, [Date, Date]>();
  for (const date of dates) {
    const [from, to] = monthBounds(date);
    months.set(`dr_login_events_${from.getUTCFullYear()}_${String(from.getUTCMonth() + 1).padStart(2, '0')}`, [from, to]);
  }
  for (const [name, [from, to]] of months) {
    const exists = (await knex.raw('select to_regclass(?) as t', [name])).rows[0]?.t;
    if (exists) continue;
    await knex.transaction(async (trx) => {
      await trx.raw(`select pg_advisory_xact_lock(hashtextextended('dr_login_events partitions', 0))`);
      await trx.raw(
        `create table if not exists ${name} partition of dr_login_events for values from ('${from.toISOString()}') to ('${to.toISOString()}')`,
      );
    });
  }
}
