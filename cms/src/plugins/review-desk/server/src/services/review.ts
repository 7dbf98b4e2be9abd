import {
  checkTransition,
  describeChanges,
  type Field,
  type FieldOption,
  historyActionLabels,
  kindOfRecordNo,
  type SubmissionAction,
  type SubmissionStatus,
  statusLabels,
  submissionKinds,
  systemFieldLabels,
  t,
} from '@statdesk/config';
import { decisionVerbs } from '@statdesk/config/contract';
import type { Core } from '@strapi/strapi';
import { documentData } from '../../../../../lib/document-data';
import { appendEvent, readEvents, withReadableChanges } from '../../../../../lib/history';
import { PublicError } from '../../../../../lib/http-errors';
import { type Entry, lockRecord, uidOf } from '../../../../../lib/records';
import { inTransaction } from '../../../../../lib/transaction';

export interface Decision {
  action: SubmissionAction;
  /** Who acts: an admin's name and email, or 申请人 for the applicant's upload. */
  actor: string;
  reason?: string;
  /** Extra fields to store with the change (e.g. the access period of an approval). */
  changes?: Record<string, unknown>;
  /** What the history records as changed, field by field, given the record before the change. */
  recordedChanges?: (before: Entry) => Record<string, { from: unknown; to: unknown }>;
}

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /**
   * Moves a submission through the workflow of config/src/workflow: the row is locked, the
   * transition checked, the status and review time stamped, and a review event appended, all in
   * one transaction. `inside` runs in the same transaction before the change, `after` with the
   * changed record before the commit (e.g. to queue the applicant's mail).
   */
  async transition(
    no: string,
    decision: Decision,
    inside?: (entry: Entry) => Promise<void>,
    after?: (changed: Entry) => Promise<void>,
  ): Promise<{ from: SubmissionStatus; to: SubmissionStatus }> {
    const kindId = kindOfRecordNo(no);
    if (!kindId) throw new PublicError(404, 'NotFoundError', t('workflow.submission.notFound'));
    return inTransaction(strapi, async () => {
      const entry = await lockRecord(strapi, kindId, no);
      if (!entry) throw new PublicError(404, 'NotFoundError', t('workflow.submission.notFound'));
      const from = entry.status as SubmissionStatus;
      const check = checkTransition(from, decision.action, decision.reason);
      if (!check.ok) throw new PublicError(409, 'ConflictError', check.message);
      await inside?.(entry);
      const now = new Date().toISOString();
      // Only a reviewer's decision stamps the review time and reason (not an upload or a resubmission).
      const isReview = (decisionVerbs as readonly string[]).includes(decision.action);
      await strapi.documents(uidOf(kindId)).update({
        documentId: entry.documentId,
        data: documentData(uidOf(kindId), {
          status: check.to,
          ...(isReview && { reviewedAt: now, reviewReason: decision.reason?.trim() ?? null }),
          ...decision.changes,
        }),
      });
      await appendEvent(
        strapi,
        {
          recordNo: no,
          action: decision.action,
          from,
          to: check.to,
          actor: decision.actor,
          reason: decision.reason,
          changes: decision.recordedChanges?.(entry),
        },
        now,
      );
      if (after) await after((await lockRecord(strapi, kindId, no)) ?? entry);
      return { from, to: check.to };
    });
  },

  /**
   * The append-only history of one submission, oldest first; what each event changed in the
   * form's words, values only of the fields `canRead` allows (`options` names the datasets).
   */
  async history(no: string, canRead: (field: string) => boolean = () => true, options: FieldOption[] = []) {
    const kindId = kindOfRecordNo(no);
    const fields = kindId ? (submissionKinds[kindId].form.fields as readonly Field[]) : [];
    const events = withReadableChanges(await readEvents(strapi, no), canRead);
    return events.map((e) => ({
      action: e.action,
      actionLabel: historyActionLabels[e.action] ?? e.action,
      from: e.fromStatus ?? null,
      fromLabel: e.fromStatus ? statusLabels[e.fromStatus as SubmissionStatus] : null,
      to: e.toStatus,
      toLabel: statusLabels[e.toStatus as SubmissionStatus],
      actor: e.actor,
      reason: e.reason ?? null,
      changes: describeChanges(e.changes, fields, systemFieldLabels, {}, options),
      at: e.at,
    }));
  },
});
