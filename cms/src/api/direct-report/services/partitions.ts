import type { Knex } from 'knex';

/** The first instant of the UTC month of `date`, and of the next month. */
const monthBounds = (date: Date): [Date, Date] => [
  new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1)),
  new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1)),
];

/** What toISOString writes after the month: "-DDTHH:mm:ss.sssZ". */
const AFTER_MONTH = '-01T00:00:00.000Z'.length;

/** Partitions this process has seen exist, per database: no round trip for them on every batch. */
const known = new WeakMap<Knex, Set<string>>();

/**
 * Creates the monthly partitions of dr_login_events that these logins (ISO instants, as
 * toISOString writes them) fall into. An advisory lock keeps two instances from racing to create
 * the same one. (Partition bounds cannot be bind parameters; they are ISO timestamps computed
 * here, never input text.)
 */
export async function ensureMonthPartitions(knex: Knex, instants: Iterable<string>): Promise<void> {
  const seen = known.get(knex) ?? new Set<string>();
  known.set(knex, seen);
  const months = new Map<string, string>();
  for (const instant of instants) months.set(instant.slice(0, instant.length - AFTER_MONTH), instant);
  for (const instant of months.values()) {
    const [from, to] = monthBounds(new Date(instant));
    const name = `dr_login_events_${from.getUTCFullYear()}_${String(from.getUTCMonth() + 1).padStart(2, '0')}`;
    if (seen.has(name)) continue;
    const exists = (await knex.raw('select to_regclass(?) as t', [name])).rows[0]?.t;
    if (!exists) {
      await knex.transaction(async (trx) => {
        await trx.raw(`select pg_advisory_xact_lock(hashtextextended('dr_login_events partitions', 0))`);
        await trx.raw(
          `create table if not exists ${name} partition of dr_login_events for values from ('${from.toISOString()}') to ('${to.toISOString()}')`,
        );
      });
    }
    seen.add(name);
  }
}
