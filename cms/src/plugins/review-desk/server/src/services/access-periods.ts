import { addDays, EXPIRY_REMINDER_DAYS, shanghaiDate, t } from '@statdesk/config';
import type { Core } from '@strapi/strapi';
import { appendEvent } from '../../../../../lib/history';
import { type Entry, tableOf, uidOf } from '../../../../../lib/records';
import { servicesIn } from '../../../../../lib/services';
import { inTransaction } from '../../../../../lib/transaction';
import { mailEnabled } from './notify';

/** What the daily job did: the numbers it expired and those whose applicants it reminded. */
export interface AccessPeriodRun {
  expired: string[];
  reminded: string[];
}

/**
 * The end of a granted access period (seeds/000 §二 数据使用期限): once a day every approved data
 * application whose last day has passed becomes 已到期, and 30 days before the last day the
 * applicant is reminded once. Any instance may run it at any time: each step is one UPDATE …
 * RETURNING whose WHERE no longer matches a row another run changed (PostgreSQL re-checks it after
 * waiting for that run's row lock), so a record expires once, with one history event, and is
 * reminded once.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const service = servicesIn(strapi, 'plugin::review-desk');
  const table = () => tableOf(strapi, 'data-application');

  /** Expires the approved applications whose last day is before `today`, each with its history event. */
  function expire(today: string, now: Date): Promise<string[]> {
    return inTransaction(strapi, async (trx) => {
      const rows = (await trx(table())
        .where({ status: 'approved' })
        .andWhere('access_end', '<', today)
        .update({ status: 'expired', updated_at: now }, ['record_no', 'access_end'])) as Array<{ record_no: string; access_end: unknown }>;
      for (const row of rows)
        await appendEvent(
          strapi,
          {
            recordNo: row.record_no,
            action: 'expire',
            from: 'approved',
            to: 'expired',
            actor: t('workflow.access.systemActor'),
            reason: t('workflow.access.expiredReason', { end: dateOf(row.access_end) }),
          },
          now.toISOString(),
        );
      return rows.map((row) => row.record_no);
    });
  }

  /**
   * Marks the applications whose period ends within 30 days and that were not yet reminded, and
   * queues their reminders in the same transaction (the mail outbox sends them, retrying while the
   * mail server is down). Only with mail on: a reminder never queued is not marked as sent.
   */
  async function remind(today: string, now: Date): Promise<string[]> {
    if (!mailEnabled()) return [];
    return inTransaction(strapi, async (trx) => {
      const rows = (await trx(table())
        .where({ status: 'approved' })
        .whereNull('expiry_reminded_at')
        .whereBetween('access_end', [today, addDays(today, EXPIRY_REMINDER_DAYS)])
        .update({ expiry_reminded_at: now }, ['record_no'])) as Array<{ record_no: string }>;
      if (rows.length === 0) return [];
      const entries = (await strapi.db
        .query(uidOf('data-application'))
        .findMany({ where: { recordNo: { $in: rows.map((row) => row.record_no) } } })) as Entry[];
      for (const entry of entries) await service('notify').expiring(entry, trx);
      return rows.map((row) => row.record_no);
    });
  }

  return {
    /** The daily job: expire, then remind; safe to run again, on any instance. */
    async run(now = new Date()): Promise<AccessPeriodRun> {
      const today = shanghaiDate(now);
      const expired = await expire(today, now);
      const reminded = await remind(today, now);
      if (expired.length + reminded.length > 0) strapi.log.info(`Access periods: ${expired.length} expired, ${reminded.length} reminded`);
      return { expired, reminded };
    },
  };
};

/** A `date` column as YYYY-MM-DD, whether the driver gives text or a Date. */
const dateOf = (value: unknown): string => (value instanceof Date ? shanghaiDate(value) : String(value));
