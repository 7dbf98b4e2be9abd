import {
  type Decision,
  decisionMail,
  expiringMail,
  type FormDefinition,
  type Mail,
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
    const to = field ? String(entry[field] ?? '') : '';
    if (!mailEnabled() || !to) return Promise.resolve();
    return strapi
      .plugin('email')
      .service('email')
      .send({ to, subject: mail.subject, text: mail.text })
      .catch((error: unknown) => strapi.log.warn(`Mail to the applicant of ${entry.recordNo} failed: ${String(error)}`));
  }

  return {
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
    /** 30 days before the access period ends (services/access-periods): a change can still extend it. */
    expiring: (entry: Entry) => send('data-application', entry, expiringMail(entry.recordNo, String(entry.accessEnd))),
  };
};
