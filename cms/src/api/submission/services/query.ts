import { createHmac } from 'node:crypto';
import {
  normaliseQueryPassword,
  parsePhone,
  type QueryRecord,
  type SubmissionKindId,
  type SubmissionStatus,
  statusLabels,
  submissionKinds,
} from '@statdesk/config';
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { invalidFields, PublicError } from '../../../lib/http-errors';
import { DUMMY_HASH, verifySecret } from '../../../lib/password-hash';
import { issueRecordToken } from '../../../lib/record-token';
import { type Entry, formatShanghaiTime, uidOf } from '../../../lib/records';

/** Issue 3: 5 failures per phone or 20 per client address within 15 minutes, then 429. */
export const QUERY_LIMITS = { perPhone: 5, perAddress: 20, windowMinutes: 15 } as const;
const WRONG_PAIR = '手机号码或查询密码不正确';

const keyOf = (scope: string, value: string) =>
  createHmac('sha256', `query-limit:${process.env.JWT_SECRET ?? ''}`)
    .update(`${scope}:${value}`)
    .digest('hex');

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
    reason: status === 'rejected' || status === 'returned' ? String(entry.reviewReason ?? '') : '',
    canUpload: kind.hasStampedForm && ['awaiting_upload', 'returned', 'awaiting_review'].includes(status),
  };
}

export default ({ strapi }: { strapi: Core.Strapi }) => {
  async function recentFailures(trx: Knex.Transaction, scope: 'phone' | 'address', key: string) {
    const result = await trx.raw(
      `select count(*)::int as n, min(failed_at) as oldest from query_failures
       where scope = ? and key_hash = ? and failed_at > now() - make_interval(mins => ?)`,
      [scope, key, QUERY_LIMITS.windowMinutes],
    );
    const row = result.rows[0] as { n: number; oldest: Date | null };
    return { count: row.n, oldest: row.oldest };
  }

  const retryAfterSeconds = (oldest: Date | null) =>
    Math.max(1, Math.ceil(((oldest?.getTime() ?? Date.now()) + QUERY_LIMITS.windowMinutes * 60_000 - Date.now()) / 1000));

  async function findOpenedRecords(phone: string, password: string): Promise<Array<Omit<QueryRecord, 'index'>>> {
    const opened: Array<Omit<QueryRecord, 'index'>> = [];
    let checked = 0;
    for (const kindId of passwordKinds) {
      const phoneField = submissionKinds[kindId].form.phoneField;
      const entries = (await strapi.db
        .query(uidOf(kindId))
        .findMany({ where: { [phoneField]: phone }, orderBy: { submittedAt: 'desc' } })) as Entry[];
      for (const entry of entries) {
        checked++;
        if (await verifySecret(password, String(entry.passwordHash ?? ''))) opened.push(toRow(kindId, entry));
      }
    }
    // A phone with no records costs the same time as one with a record (no existence oracle).
    if (checked === 0) await verifySecret(password, DUMMY_HASH);
    return opened.sort((a, b) => b.submittedAt.localeCompare(a.submittedAt) || b.recordNo.localeCompare(a.recordNo));
  }

  return {
    /**
     * 申请结果查询 (seeds/000_…txt §3.4): the records one password opens, with a token for their
     * actions. Attempts on one phone run one at a time across instances (an advisory lock), so the
     * limit cannot be raced past.
     */
    async query(input: unknown, address: string): Promise<{ token: string; records: QueryRecord[] }> {
      const body = (input && typeof input === 'object' ? input : {}) as Record<string, unknown>;
      const phone = parsePhone(typeof body.phone === 'string' ? body.phone : '');
      const password = typeof body.password === 'string' ? normaliseQueryPassword(body.password) : '';
      const fields = { ...(!phone.ok && { phone: phone.message }), ...(!password && { password: '请输入查询密码' }) };
      if (!phone.ok || !password) throw invalidFields(fields);

      const phoneKey = keyOf('phone', phone.value);
      const addressKey = keyOf('address', address);
      const outcome = await strapi.db.transaction(async ({ trx }) => {
        // Fixed order (phone, then address) so that two attempts never wait on each other in a cycle.
        await trx.raw('select pg_advisory_xact_lock(hashtextextended(?, 0))', [`phone:${phoneKey}`]);
        await trx.raw('select pg_advisory_xact_lock(hashtextextended(?, 0))', [`address:${addressKey}`]);
        const byPhone = await recentFailures(trx, 'phone', phoneKey);
        const byAddress = await recentFailures(trx, 'address', addressKey);
        if (byPhone.count >= QUERY_LIMITS.perPhone || byAddress.count >= QUERY_LIMITS.perAddress) {
          const oldest = byPhone.count >= QUERY_LIMITS.perPhone ? byPhone.oldest : byAddress.oldest;
          return { kind: 'limited' as const, retryAfter: retryAfterSeconds(oldest) };
        }
        const records = await findOpenedRecords(phone.value, password);
        if (records.length === 0) {
          await trx.raw(`insert into query_failures (scope, key_hash) values ('phone', ?), ('address', ?)`, [phoneKey, addressKey]);
          return { kind: 'wrong' as const };
        }
        return { kind: 'opened' as const, records };
      });
      // Thrown after the commit, so that the failure just recorded is kept.
      if (outcome.kind === 'limited') {
        const minutes = Math.ceil(outcome.retryAfter / 60);
        throw new PublicError(
          429,
          'RateLimitError',
          `尝试次数过多，请${minutes}分钟后再试`,
          {},
          { 'Retry-After': String(outcome.retryAfter) },
        );
      }
      if (outcome.kind === 'wrong') throw new PublicError(401, 'UnauthorizedError', WRONG_PAIR);
      const records = outcome.records.map((record, i) => ({ index: i + 1, ...record }));
      return { token: issueRecordToken(records.map((r) => r.recordNo)), records };
    },

    /** The current state of the records a token opens (after an upload, without typing the password again). */
    async records(numbers: string[]): Promise<QueryRecord[]> {
      const rows: Array<Omit<QueryRecord, 'index'>> = [];
      for (const kindId of passwordKinds) {
        const entries = (await strapi.db.query(uidOf(kindId)).findMany({ where: { recordNo: { $in: numbers } } })) as Entry[];
        rows.push(...entries.map((entry) => toRow(kindId, entry)));
      }
      return rows
        .sort((a, b) => b.submittedAt.localeCompare(a.submittedAt) || b.recordNo.localeCompare(a.recordNo))
        .map((r, i) => ({ index: i + 1, ...r }));
    },
  };
};
