import {
  type Decision,
  decisionMail,
  type FormDefinition,
  type Mail,
  passwordResetMail,
  type SubmissionKindId,
  submissionKinds,
  submittedMail,
} from '@statdesk/config';
import type { Core } from '@strapi/strapi';
import type { Entry } from '../../../../../lib/records';

/** Mail is on when an SMTP host is configured (config/plugins.ts); without one nothing is sent. */
export const mailEnabled = (): boolean => Boolean(process.env.SMTP_HOST);

export default ({ strapi }: { strapi: Core.Strapi }) => {
  /**
   * Sends after the change is committed and never fails the request: a mail server that is down
   * must not stop a decision (the applicant still sees it on the query page).
   */
  function send(kindId: SubmissionKindId, entry: Entry, mail: Mail): Promise<void> {
    const field = (submissionKinds[kindId].form as FormDefinition).emailField;
    return sendTo(field ? String(entry[field] ?? '') : '', entry.recordNo, mail);
  }

  function sendTo(to: string, recordNo: unknown, mail: Mail): Promise<void> {
    if (!mailEnabled() || !to) return Promise.resolve();
    return strapi
      .plugin('email')
      .service('email')
      .send({ to, subject: mail.subject, text: mail.text })
      .catch((error: unknown) => strapi.log.warn(`Mail to the applicant of ${String(recordNo)} failed: ${String(error)}`));
  }

  return {
    /** 忘记查询密码: the one-time link, to the email stored on the record. */
    passwordReset: (to: string, recordNo: string, link: string, minutes: number) =>
      sendTo(to, recordNo, passwordResetMail(recordNo, link, minutes)),
    submitted: (kindId: SubmissionKindId, entry: Entry) => send(kindId, entry, submittedMail(kindId, entry.recordNo)),
    decided: (kindId: SubmissionKindId, entry: Entry, decision: Decision) =>
      send(
        kindId,
        entry,
        decisionMail(kindId, entry.recordNo, decision, {
          reason: entry.reviewReason as string | null,
          accessStart: entry.accessStart as string | null,
          accessEnd: entry.accessEnd as string | null,
        }),
      ),
  };
};
