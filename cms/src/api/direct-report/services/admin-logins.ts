/**
 * Who logged in to an enterprise's data with an admin account (综合管理员, accountKind `admin`):
 * never counted in the rate, but the bureau sees them (seeds/004 §八 "同样也要留下操作痕迹").
 * Read from the raw login events along their primary key (enterprise first), for the enterprises
 * shown: the period summaries keep enterprise-kind logins only.
 */
import type { ReportingPeriod } from '@statdesk/config';
import type { Knex } from 'knex';

/** The admin accounts of each of `codes` during the period's window, sorted; enterprises without one are absent. */
export async function adminAccountsOf(knex: Knex, period: ReportingPeriod, codes: readonly string[]): Promise<Map<string, string[]>> {
  if (codes.length === 0) return new Map();
  const { rows } = (await knex.raw(
    `select enterprise_code, array_agg(distinct account collate "C" order by account collate "C") as accounts
     from dr_login_events
     where enterprise_code = any(:codes::text[]) and at >= :opens and at < :closes and account_kind = 'admin'
     group by enterprise_code`,
    { codes: `{${codes.join(',')}}`, opens: period.opensAt, closes: period.closesAt },
  )) as { rows: Array<{ enterprise_code: string; accounts: string[] }> };
  return new Map(rows.map((row) => [row.enterprise_code, row.accounts]));
}
