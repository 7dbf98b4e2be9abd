import {
  activeLocale,
  canResubmit,
  formSchemaIn,
  kindOfRecordNo,
  parseForm,
  type SubmissionStatus,
  statusLabels,
  submissionKinds,
  t,
} from '@statdesk/config';
import type { StoredAnswers } from '@statdesk/config/contract';
import type { Core } from '@strapi/strapi';
import { changedFields } from '../../../../../lib/history';
import { invalidFields, PublicError } from '../../../../../lib/http-errors';
import { type Entry, findRecord } from '../../../../../lib/records';
import { servicesIn } from '../../../../../lib/services';

/** The answers of a record as its form asks them (nothing the system added: status, hash, times). */
const answersOf = (kindId: keyof typeof submissionKinds, entry: Entry): Record<string, unknown> =>
  Object.fromEntries(submissionKinds[kindId].form.fields.map((field) => [field.name, entry[field.name] ?? null]));

/**
 * 修改申请 (REMS's `returned` state): the holder of a returned record corrects its answers under
 * the same number. The corrections are checked as a new submission is, stored with a history
 * entry naming each changed field, the stamped form is superseded (kept, no longer current), and
 * the record waits for the new printed form as the workflow says (config/src/workflow/submission.ts).
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const service = servicesIn(strapi, 'plugin::review-desk');

  async function opened(no: string) {
    const found = await findRecord(strapi, no);
    if (!found) throw new PublicError(404, 'NotFoundError', t('workflow.submission.notFound'));
    return found;
  }

  return {
    /** The stored answers and the reviewer's reason, to open the form with. */
    async answers(no: string): Promise<StoredAnswers> {
      const { kindId, entry } = await opened(no);
      const status = entry.status as SubmissionStatus;
      return {
        recordNo: no,
        kind: kindId,
        status,
        statusLabel: statusLabels[status],
        reason: status === 'returned' ? String(entry.reviewReason ?? '') : '',
        answers: answersOf(kindId, entry),
      };
    },

    async resubmit(no: string, input: unknown): Promise<{ status: SubmissionStatus }> {
      const kindId = kindOfRecordNo(no);
      if (!kindId || !canResubmit(kindId)) throw new PublicError(409, 'ConflictError', t('workflow.submission.cannotResubmit'));
      const { entry } = await opened(no);
      // Said before the answers are judged: a record that is not returned has nothing to correct.
      if (entry.status !== 'returned') throw notReturned(entry.status as SubmissionStatus);
      const kind = submissionKinds[kindId];
      const parsed = parseForm(formSchemaIn(kindId, activeLocale()), input);
      if (!parsed.ok) throw invalidFields(parsed.fields);
      // The phone opens the record on /query with its password's salt: it stays what it was.
      const phoneField = kind.form.phoneField;
      if (parsed.values[phoneField] !== entry[phoneField]) throw invalidFields({ [phoneField]: t('workflow.submission.phoneFixed') });
      const organisationName = await service('submit').checkReferences(kindId, parsed.values, no);
      const names = kind.form.fields.map((field) => field.name);
      const { to } = await service('review').transition(
        no,
        {
          action: 'resubmit',
          actor: t('workflow.actor.applicant'),
          changes: { ...parsed.values, organisationName },
          recordedChanges: (before) => changedFields(before, parsed.values, names),
        },
        async () => {
          await strapi.db
            .query('api::stamped-form.stamped-form')
            .updateMany({ where: { recordNo: no, current: true }, data: { current: false } });
        },
      );
      return { status: to };
    },
  };
};

/** 409 in the workflow's words: only 退回修改 can be corrected. */
const notReturned = (status: SubmissionStatus) =>
  new PublicError(409, 'ConflictError', t('workflow.submission.notReturned', { status: statusLabels[status] }));
