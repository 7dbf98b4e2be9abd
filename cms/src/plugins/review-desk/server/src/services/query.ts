import {
  canResubmit,
  normaliseQueryPassword,
  parsePhone,
  type QueryRecord,
  type SubmissionKindId,
  type SubmissionStatus,
  statusLabels,
  submissionKinds,
  t,
} from '@statdesk/config';
import type { Core } from '@strapi/strapi';
import { limitedAttempt } from '../../../../../lib/attempt-limit';
import { invalidFields } from '../../../../../lib/http-errors';
import { openPhoneRecords } from '../../../../../lib/password-hash';
import { issueRecordToken } from '../../../../../lib/record-token';
import { type Entry, formatShanghaiTime, uidOf } from '../../../../../lib/records';

const WRONG_PAIR = t('workflow.submission.wrongPair');

/** The statuses whose reviewer's reason the applicant reads (DESIGN.md: a reason is required for these). */
const REASONED: SubmissionStatus[] = ['rejected', 'returned', 'revoked'];

const passwordKinds = (Object.keys(submissionKinds) as SubmissionKindId[]).filter((id) => submissionKinds[id].issuesPassword);

function toRow(kindId: SubmissionKindId, entry: Entry): Omit<QueryRecord, 'index'> {
  const kind = submissionKinds[kindId];
  const status = entry.status as SubmissionStatus;
  return {
    recordNo: entry.recordNo,
    kind: kindId,
    kindLabel: kind.noun,
    phone: String(entry[kind.form.phoneField] ?? ''),
    applicant: String(entry[kind.form.applicantField] ?? ''),
    organisation: String(entry.organisationName ?? ''),
    submittedAt: formatShanghaiTime(entry.submittedAt),
    reviewedAt: formatShanghaiTime(entry.reviewedAt),
    status,
    statusLabel: statusLabels[status],
    reason: REASONED.includes(status) ? String(entry.reviewReason ?? '') : '',
    accessStart: (entry.accessStart as string | null | undefined) ?? null,
    accessEnd: (entry.accessEnd as string | null | undefined) ?? null,
    canUpload: kind.hasStampedForm && ['awaiting_upload', 'returned', 'awaiting_review'].includes(status),
    canResubmit: status === 'returned' && canResubmit(kindId),
  };
}

/** Newest first, numbered from 1 as the seed's table shows them. */
const sortedRows = (rows: Array<Omit<QueryRecord, 'index'>>): QueryRecord[] =>
  rows
    .sort((a, b) => b.submittedAt.localeCompare(a.submittedAt) || b.recordNo.localeCompare(a.recordNo))
    .map((r, i) => ({ index: i + 1, ...r }));

export default ({ strapi }: { strapi: Core.Strapi }) => {
  /** Every record of one phone that issues a query password, newest first within each kind. */
  async function recordsOfPhone(phone: string): Promise<Array<{ kindId: SubmissionKindId; entry: Entry }>> {
    const found: Array<{ kindId: SubmissionKindId; entry: Entry }> = [];
    for (const kindId of passwordKinds) {
      const phoneField = submissionKinds[kindId].form.phoneField;
      const entries = (await strapi.db
        .query(uidOf(kindId))
        .findMany({ where: { [phoneField]: phone }, orderBy: { submittedAt: 'desc' } })) as Entry[];
      found.push(...entries.map((entry) => ({ kindId, entry })));
    }
    return found;
  }

  /**
   * Every record of the phone once the password is any one of theirs (one applicant, one phone:
   * each password proves control of the phone's records), else undefined. One scrypt whether the
   * phone has no record, one or many (lib/password-hash openPhoneRecords), so the time of a wrong
   * answer tells nothing. A record hashed before per-phone salts is rewritten with the phone's
   * salt once its password opened it.
   */
  async function openPhone(phone: string, password: string): Promise<QueryRecord[] | undefined> {
    const found = await recordsOfPhone(phone);
    const stored = found.map(({ entry }) => String(entry.passwordHash ?? ''));
    const { opened, rehashed } = await openPhoneRecords(password, phone, stored);
    if (!opened.includes(true)) return undefined;
    for (const [i, { kindId, entry }] of found.entries()) {
      if (opened[i] && stored[i] !== rehashed)
        await strapi.db.query(uidOf(kindId)).update({ where: { id: entry.id }, data: { passwordHash: rehashed } });
    }
    return sortedRows(found.map(({ kindId, entry }) => toRow(kindId, entry)));
  }

  return {
    /**
     * 申请结果查询 (seeds/000_…txt §3.4): every record of the phone one of its passwords opens, with a token for their
     * actions, under the per-phone and per-address limits of lib/attempt-limit.
     */
    async query(input: unknown, address: string): Promise<{ token: string; records: QueryRecord[] }> {
      const body = (input && typeof input === 'object' ? input : {}) as Record<string, unknown>;
      const phone = parsePhone(typeof body.phone === 'string' ? body.phone : '');
      const password = typeof body.password === 'string' ? normaliseQueryPassword(body.password) : '';
      const fields = { ...(!phone.ok && { phone: phone.message }), ...(!password && { password: t('workflow.lookUp.passwordRequired') }) };
      if (!phone.ok || !password) throw invalidFields(fields);

      const records = await limitedAttempt(strapi, { scope: 'phone', value: phone.value }, address, WRONG_PAIR, () =>
        openPhone(phone.value, password),
      );
      return { token: issueRecordToken(records.map((r) => r.recordNo)), records };
    },

    /** The current state of the records a token opens (after an upload, without typing the password again). */
    async records(numbers: string[]): Promise<QueryRecord[]> {
      const rows: Array<Omit<QueryRecord, 'index'>> = [];
      for (const kindId of passwordKinds) {
        const entries = (await strapi.db.query(uidOf(kindId)).findMany({ where: { recordNo: { $in: numbers } } })) as Entry[];
        rows.push(...entries.map((entry) => toRow(kindId, entry)));
      }
      return sortedRows(rows);
    },
  };
};
