import { afterFailedAttempt, type Mail, type OutboxState, outboxStateLabel } from '@statdesk/config';
import type { OutboxMessage } from '@statdesk/config/contract';
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { inTransaction } from './transaction';

/**
 * The outbox of mail to applicants (database/migrations/…mail-outbox.sql). A message is written in
 * the transaction of the change that causes it, so a committed change always has its message and
 * a rolled-back one never has; the mail worker of any instance sends it afterwards.
 */
const TABLE = 'mail_outbox';

export interface OutgoingMail {
  recordNo: string;
  /** What caused it: `submitted`, a decision's action, or another event of the record. */
  cause: string;
  to: string;
  mail: Mail;
}

interface OutboxRow {
  id: number;
  kind: string;
  recipient: string;
  subject: string;
  body: string;
  state: OutboxState;
  attempts: number;
  next_attempt_at: Date;
  last_error: string | null;
  created_at: Date;
  sent_at: Date | null;
}

/**
 * Queues one message in `trx`; without one, in the Strapi transaction under way (strapi.db.transaction
 * joins it), else in a transaction of its own.
 */
export async function enqueueMail(strapi: Core.Strapi, message: OutgoingMail, trx?: Knex.Transaction): Promise<void> {
  const row = {
    record_no: message.recordNo,
    kind: message.cause,
    recipient: message.to,
    subject: message.mail.subject,
    body: message.mail.text,
  };
  if (trx) {
    await trx(TABLE).insert(row);
    return;
  }
  await strapi.db.transaction(async ({ trx: current }) => {
    await current(TABLE).insert(row);
  });
}

/** Why an attempt failed, short enough for the desk (nodemailer's errors carry the server's reply). */
const describeError = (error: unknown): string => (error instanceof Error ? error.message : String(error)).slice(0, 1000);

/**
 * Sends the oldest due message, if any. The row is claimed with FOR UPDATE SKIP LOCKED and stays
 * locked until its outcome is written, so a worker on another instance skips it and each message
 * is sent once (PostgreSQL docs, SELECT "The Locking Clause"). A failure counts the attempt and
 * schedules the next one with back-off (config/src/admin/mail-outbox.ts); the message is never
 * dropped, only given up as `failed` after the last attempt. Returns whether there was one.
 */
async function deliverOne(strapi: Core.Strapi, now: Date): Promise<boolean> {
  return inTransaction(strapi, async (trx) => {
    const claimed = (await trx.raw(
      `select id, recipient, subject, body, attempts from ${TABLE}
       where state = 'pending' and next_attempt_at <= ?
       order by next_attempt_at, id limit 1 for update skip locked`,
      [now],
    )) as { rows: OutboxRow[] };
    const row = claimed.rows[0];
    if (!row) return false;
    const attempts = row.attempts + 1;
    try {
      await strapi.plugin('email').service('email').send({ to: row.recipient, subject: row.subject, text: row.body });
      await trx(TABLE).where({ id: row.id }).update({ state: 'sent', attempts, sent_at: new Date(), last_error: null });
    } catch (error) {
      const next = afterFailedAttempt(attempts, now);
      await trx(TABLE)
        .where({ id: row.id })
        .update({ state: next.state, attempts, next_attempt_at: next.nextAttemptAt, last_error: describeError(error) });
      strapi.log.warn(
        `Mail ${row.id} (attempt ${attempts}) failed, ${next.state === 'failed' ? 'given up' : 'will retry'}: ${describeError(error)}`,
      );
    }
    return true;
  });
}

/** Sends up to `limit` due messages, one transaction each; returns how many were tried. */
export async function deliverDueMail(strapi: Core.Strapi, now = new Date(), limit = 20): Promise<number> {
  let tried = 0;
  while (tried < limit && (await deliverOne(strapi, now))) tried++;
  return tried;
}

const iso = (value: Date | null): string | null => (value ? new Date(value).toISOString() : null);

/** A record's messages, oldest first, as the desk shows them. */
export async function messagesOf(strapi: Core.Strapi, recordNo: string): Promise<OutboxMessage[]> {
  const rows = (await strapi.db.connection(TABLE).where({ record_no: recordNo }).orderBy('id')) as OutboxRow[];
  return rows.map((row) => ({
    kind: row.kind,
    subject: row.subject,
    state: row.state,
    stateLabel: outboxStateLabel(row.state),
    attempts: row.attempts,
    lastError: row.last_error,
    createdAt: new Date(row.created_at).toISOString(),
    sentAt: iso(row.sent_at),
    nextAttemptAt: row.state === 'pending' ? iso(row.next_attempt_at) : null,
  }));
}
