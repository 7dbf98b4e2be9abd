import { createHash, randomBytes } from 'node:crypto';
import {
  type FormDefinition,
  makeQueryPassword,
  normaliseQueryPassword,
  parsePhone,
  type SubmissionKindId,
  submissionKinds,
  t,
} from '@statdesk/config';
import type { Core } from '@strapi/strapi';
import { limitedRequest } from '../../../../../lib/attempt-limit';
import { siteOrigin } from '../../../../../lib/gate-link';
import { appendEvent } from '../../../../../lib/history';
import { invalidFields, PublicError } from '../../../../../lib/http-errors';
import { hashQueryPassword } from '../../../../../lib/password-hash';
import { type Entry, findRecord, lockRecord, uidOf } from '../../../../../lib/records';
import { servicesIn } from '../../../../../lib/services';
import { inTransaction } from '../../../../../lib/transaction';
import { mailEnabled } from './notify';

/** A reset link lasts 30 minutes and opens once (its row is marked used in the same transaction). */
export const RESET_LINK_MINUTES = 30;

const digest = (token: string) => createHash('sha256').update(token).digest('hex');
const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '');

/** The site page the link opens; from configuration only, never from the request (a forged host would steal the token). */
const resetLink = (token: string) => `${siteOrigin()}/query/reset?token=${token}`;

const emailOf = (kindId: SubmissionKindId, entry: Entry) => {
  const field = (submissionKinds[kindId].form as FormDefinition).emailField;
  return field ? text(entry[field]) : '';
};

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const service = servicesIn(strapi, 'plugin::review-desk');

  /**
   * Replaces a record's query password with a new random one (the old stops opening anything) and
   * records who did it and why in the record's history, in one transaction. The new password is
   * answered once and stored only as its hash under the phone's salt (lib/password-hash).
   */
  async function replacePassword(no: string, action: string, actor: string, reason: string): Promise<string> {
    const found = await findRecord(strapi, no);
    if (!found || !submissionKinds[found.kindId].issuesPassword)
      throw new PublicError(404, 'NotFoundError', t('workflow.submission.notFound'));
    const queryPassword = makeQueryPassword((n) => randomBytes(n));
    await inTransaction(strapi, async () => {
      const entry = await lockRecord(strapi, found.kindId, no);
      if (!entry) throw new PublicError(404, 'NotFoundError', t('workflow.submission.notFound'));
      const phone = String(entry[submissionKinds[found.kindId].form.phoneField] ?? '');
      const passwordHash = await hashQueryPassword(normaliseQueryPassword(queryPassword), phone);
      await strapi.db.query(uidOf(found.kindId)).update({ where: { id: entry.id }, data: { passwordHash } });
      const status = String(entry.status);
      await appendEvent(strapi, { recordNo: no, action, from: status, to: status, actor, reason });
    });
    return queryPassword;
  }

  return {
    /** A reviewer issues a new password to an applicant who lost it (mail off, or no email on the record). */
    async issue(no: string, actor: string, input: unknown): Promise<{ queryPassword: string }> {
      const reason = text((input as { reason?: unknown } | undefined)?.reason);
      if (!reason) throw invalidFields({ reason: t('workflow.registration.reasonRequired') });
      return { queryPassword: await replacePassword(no, 'issue_password', actor, reason) };
    },

    /**
     * 忘记查询密码 with mail on: a one-time link to the email on the record. The answer is the same
     * whether or not the number, phone and email match, so it tells nobody which records exist;
     * each request counts against the record number and the address (lib/attempt-limit).
     */
    async requestReset(input: unknown, address: string): Promise<{ sent: true }> {
      if (!mailEnabled()) throw new PublicError(409, 'ConflictError', t('workflow.passwordReset.mailOff'));
      const body = (input && typeof input === 'object' ? input : {}) as Record<string, unknown>;
      const no = text(body.applicationNo).toUpperCase();
      const phone = parsePhone(text(body.phone));
      const fields = {
        ...(!no && { applicationNo: t('workflow.passwordReset.numberRequired') }),
        ...(!phone.ok && { phone: phone.message }),
      };
      if (!no || !phone.ok) throw invalidFields(fields);
      await limitedRequest(strapi, { scope: 'reset_request', value: no }, address, async () => {
        const found = await findRecord(strapi, no);
        if (!found || !submissionKinds[found.kindId].issuesPassword) return;
        const { kindId, entry } = found;
        const email = emailOf(kindId, entry);
        if (!email || String(entry[submissionKinds[kindId].form.phoneField] ?? '') !== phone.value) return;
        const token = randomBytes(32).toString('base64url');
        await strapi.db.connection.raw('insert into query_password_resets (token_hash, record_no) values (?, ?)', [digest(token), no]);
        void service('notify').passwordReset(email, no, resetLink(token), RESET_LINK_MINUTES);
      });
      return { sent: true };
    },

    /** Follows a link: once, within 30 minutes; the record gets a new password, shown once. */
    async reset(input: unknown): Promise<{ applicationNo: string; queryPassword: string }> {
      const token = text((input as { token?: unknown } | undefined)?.token);
      const used = token
        ? await strapi.db.connection.raw(
            `update query_password_resets set used_at = now()
             where token_hash = ? and used_at is null and created_at > now() - make_interval(mins => ?)
             returning record_no`,
            [digest(token), RESET_LINK_MINUTES],
          )
        : { rows: [] };
      const no = (used.rows[0] as { record_no?: string } | undefined)?.record_no;
      if (!no) throw new PublicError(410, 'GoneError', t('workflow.passwordReset.linkInvalid'));
      const queryPassword = await replacePassword(
        no,
        'mail_reset_password',
        t('workflow.passwordReset.actor'),
        t('workflow.passwordReset.reason'),
      );
      return { applicationNo: no, queryPassword };
    },
  };
};
