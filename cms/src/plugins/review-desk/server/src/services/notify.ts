import {
  activeLocale,
  type Decision,
  decisionMail,
  expiringMail,
  type FormDefinition,
  isLocale,
  type Locale,
  type Mail,
  passwordResetMail,
  type SubmissionKindId,
  submissionKinds,
  submittedMail,
} from '@statdesk/config';
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { WITHHELD } from '../../../../../lib/field-access';
import { deliverDueMail, enqueueMail, messagesOf } from '../../../../../lib/mail-outbox';
import type { Entry } from '../../../../../lib/records';

/** Mail is on when an SMTP host is configured (config/plugins.ts); without one nothing is queued or sent. */
export const mailEnabled = (): boolean => Boolean(process.env.SMTP_HOST);

export interface QueueOptions {
  /** The change's transaction; without it, the Strapi transaction under way, else one of its own. */
  trx?: Knex.Transaction | undefined;
  /** What caused the message, as the desk lists it (default `notice`). */
  cause?: string;
}

/** The language the applicant filled the record's form in (records from before English read as zh-CN). */
const languageOf = (entry: Entry): Locale => (isLocale(entry.language) ? entry.language : 'zh-CN');

export default ({ strapi }: { strapi: Core.Strapi }) => {
  /**
   * Queues a mail to the record's applicant (the form's email field) in the outbox, inside the
   * transaction of the change that causes it: the mail worker sends it once that commits, retrying
   * while the mail server is down, and a change rolled back leaves no mail behind.
   */
  function send(kindId: SubmissionKindId, entry: Entry, mail: Mail, options: QueueOptions = {}): Promise<void> {
    const field = (submissionKinds[kindId].form as FormDefinition).emailField;
    return sendTo(field ? String(entry[field] ?? '') : '', entry.recordNo, mail, options);
  }

  /** Queues a mail about a record to an address (the record's, or one the applicant proved theirs). */
  function sendTo(to: string, recordNo: string, mail: Mail, options: QueueOptions = {}): Promise<void> {
    if (!mailEnabled() || !to) return Promise.resolve();
    return enqueueMail(strapi, { recordNo, cause: options.cause ?? 'notice', to, mail }, options.trx);
  }

  return {
    /** Any mail about a record, queued like the two below. */
    enqueue: send,
    /** 忘记查询密码: the one-time link, to the email stored on the record. */
    passwordReset: (to: string, recordNo: string, link: string, minutes: number) =>
      // Asked for on the site: in the language of that page.
      sendTo(to, recordNo, passwordResetMail(recordNo, link, minutes, activeLocale()), { cause: 'password_reset' }),
    submitted: (kindId: SubmissionKindId, entry: Entry, trx?: Knex.Transaction) =>
      send(kindId, entry, submittedMail(kindId, entry.recordNo, languageOf(entry)), { trx, cause: 'submitted' }),
    decided: (kindId: SubmissionKindId, entry: Entry, decision: Decision, trx?: Knex.Transaction) =>
      send(
        kindId,
        entry,
        decisionMail(
          kindId,
          entry.recordNo,
          decision,
          {
            reason: entry.reviewReason as string | null,
            accessStart: entry.accessStart as string | null,
            accessEnd: entry.accessEnd as string | null,
          },
          languageOf(entry),
        ),
        { trx, cause: decision },
      ),
    /**
     * The record's mail, oldest first, and whether each was sent. A mail server's error often
     * quotes the address it refused, so only a role that reads the whole record sees it.
     */
    messages: async (recordNo: string, readsWholeRecord: boolean) =>
      (await messagesOf(strapi, recordNo)).map((message) =>
        readsWholeRecord || !message.lastError ? message : { ...message, lastError: WITHHELD },
      ),
    /** One pass of the mail worker (bootstrap/mail-worker.ts): sends what is due at `now`; nothing when mail is off. */
    deliverDue: async (now?: Date) => (mailEnabled() ? deliverDueMail(strapi, now) : 0),
    /** 30 days before the access period ends (services/access-periods): a change can still extend it. */
    expiring: (entry: Entry, trx?: Knex.Transaction) =>
      send('data-application', entry, expiringMail(entry.recordNo, String(entry.accessEnd), languageOf(entry)), { trx, cause: 'expiring' }),
  };
};
