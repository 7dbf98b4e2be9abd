/**
 * 收口: a period the bureau closes keeps the report it had at closing a year later. Closing
 * stores the required set with every enterprise's result, the logins behind the shared IPs and
 * the parameters; the report of a closed period reads them (rule.ts, closedReportSql). Re-opening
 * deletes them, with a reason; both are kept in dr_period_closings.
 */
import { type RuleParameters, t } from '@statdesk/config';
import type { PeriodClosing } from '@statdesk/config/contract';
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { PublicError } from '../../../lib/http-errors';
import { servicesIn } from '../../../lib/services';
import { storeClosedResults } from './rule';

interface ClosedRow {
  period_code: string;
  closed_at: Date;
  closed_by: string;
  parameters: RuleParameters | string;
}

/** The closed periods by code, with when and by whom, and the parameters their results were computed with. */
export async function closedPeriods(knex: Knex, codes?: string[]): Promise<Map<string, PeriodClosing & { parameters: RuleParameters }>> {
  const query = knex('dr_closed_periods').select('period_code', 'closed_at', 'closed_by', knex.raw('parameters::text as parameters'));
  const rows = (await (codes ? query.whereIn('period_code', codes) : query)) as ClosedRow[];
  return new Map(
    rows.map((row) => [
      row.period_code,
      {
        closedAt: new Date(row.closed_at).toISOString(),
        closedBy: row.closed_by,
        parameters: typeof row.parameters === 'string' ? JSON.parse(row.parameters) : row.parameters,
      },
    ]),
  );
}

/** One period's closing, or null while it is 进行中. */
export const closingOf = async (knex: Knex, code: string) => (await closedPeriods(knex, [code])).get(code) ?? null;

/** Closing and re-opening of one period are taken in turn (two clicks, two instances). */
const lockPeriod = (trx: Knex.Transaction, code: string) =>
  trx.raw(`select pg_advisory_xact_lock(hashtextextended(?, 1))`, [`dr_close:${code}`]);

const requiredReason = (reason: unknown): string => {
  const text = typeof reason === 'string' ? reason.trim() : '';
  if (!text)
    throw new PublicError(400, 'ValidationError', t('directReport.closing.reasonRequired'), {
      reason: t('directReport.closing.reasonRequired'),
    });
  if (text.length > 500)
    throw new PublicError(400, 'ValidationError', t('directReport.closing.reasonTooLong'), {
      reason: t('directReport.closing.reasonTooLong'),
    });
  return text;
};

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const report = () => servicesIn(strapi, 'api::direct-report')('report');
  const knex = () => strapi.db.connection;

  return {
    /** Closes the period with the bureau's current parameters; a closed period answers 409. */
    async close(code: string, actor: string): Promise<PeriodClosing> {
      const period = await report().period(code);
      const parameters = await report().parameters();
      await knex().transaction(async (trx) => {
        await lockPeriod(trx, code);
        if (await closingOf(trx, code)) throw new PublicError(409, 'ConflictError', t('directReport.closing.alreadyClosed', { code }));
        await trx('dr_closed_periods').insert({ period_code: code, closed_by: actor, parameters: JSON.stringify(parameters) });
        await storeClosedResults(trx, { period, parameters });
        await trx('dr_period_closings').insert({ period_code: code, action: 'close', actor });
      });
      const { closedAt, closedBy } = (await closingOf(knex(), code)) as PeriodClosing;
      return { closedAt, closedBy };
    },

    /** Re-opens a closed period: a reason is required, and the stored results go (the history keeps the act). */
    async reopen(code: string, actor: string, reason: unknown): Promise<void> {
      await report().period(code);
      const why = requiredReason(reason);
      await knex().transaction(async (trx) => {
        await lockPeriod(trx, code);
        if (!(await closingOf(trx, code))) throw new PublicError(409, 'ConflictError', t('directReport.closing.notClosed', { code }));
        // The stored results and accounts go with it (on delete cascade).
        await trx('dr_closed_periods').where({ period_code: code }).delete();
        await trx('dr_period_closings').insert({ period_code: code, action: 'reopen', actor, reason: why });
      });
    },

    /** Every closing and re-opening of the period, oldest first. */
    async history(code: string) {
      const rows = (await knex()('dr_period_closings').where({ period_code: code }).orderBy('at', 'asc').orderBy('id', 'asc')) as Array<{
        action: 'close' | 'reopen';
        actor: string;
        reason: string | null;
        at: Date;
      }>;
      return rows.map((row) => ({ action: row.action, actor: row.actor, reason: row.reason, at: new Date(row.at).toISOString() }));
    },
  };
};
