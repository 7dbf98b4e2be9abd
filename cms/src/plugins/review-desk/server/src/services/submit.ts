import { randomBytes } from 'node:crypto';
import {
  formSchemas,
  initialStatus,
  makeQueryPassword,
  normaliseQueryPassword,
  parseForm,
  type SubmissionKindId,
  statusLabels,
  submissionKinds,
} from '@statdesk/config';
import type { Core } from '@strapi/strapi';
import { appendEvent } from '../../../../../lib/history';
import { invalidFields } from '../../../../../lib/http-errors';
import { hashQueryPassword } from '../../../../../lib/password-hash';
import { allocateRecordNo } from '../../../../../lib/record-numbers';
import { issueRecordToken } from '../../../../../lib/record-token';
import { type Entry, shanghaiYear, uidOf } from '../../../../../lib/records';
import { serviceOf } from '../../../../../lib/services';
import { inTransaction } from '../../../../../lib/transaction';

export interface Submitted {
  applicationNo: string;
  queryPassword?: string;
  /** Lets the submitter print and upload right away, as a query would (30 minutes). */
  token?: string;
  status: string;
  statusLabel: string;
}

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const findOne = (kindId: SubmissionKindId, where: Record<string, unknown>) =>
    strapi.db.query(uidOf(kindId)).findOne({ where }) as Promise<Entry | null>;

  async function checkDatasets(field: string, label: string, codes: unknown): Promise<Record<string, string>> {
    const wanted = codes as string[];
    const known = (await strapi.db
      .query('api::dataset.dataset')
      .findMany({ where: { code: { $in: wanted }, available: true }, select: ['code'] })) as Array<{ code: string }>;
    return known.length === wanted.length ? {} : { [field]: `请从列表中选择${label}` };
  }

  /** An approved data application whose leader's phone matches: what changes and outcomes build on. */
  async function findApprovedApplication(no: unknown, phone: unknown): Promise<Entry | null> {
    return findOne('data-application', { recordNo: String(no).trim().toUpperCase(), leaderPhone: phone, status: 'approved' });
  }

  /**
   * Checks that depend on what is stored (seeds/000_…txt §二), and the organisation name
   * shown in the query table. Messages never tell whether someone else's record exists.
   */
  async function checkReferences(kindId: SubmissionKindId, values: Record<string, unknown>): Promise<string> {
    switch (kindId) {
      case 'institution':
        return String(values.fullName);
      case 'data-application': {
        const chosen = await findOne('institution', { recordNo: values.institution, status: { $ne: 'rejected' } });
        const errors: Record<string, string> = {
          ...(await checkDatasets('datasets', '申请使用的数据目录', values.datasets)),
          ...(!chosen && { institution: '请选择已登记的申请机构' }),
        };
        if (values.usePeriodEnd && values.usePeriodStart && String(values.usePeriodEnd) < String(values.usePeriodStart)) {
          errors.usePeriodEnd = '使用期限结束日期不能早于开始日期';
        }
        if (Object.keys(errors).length > 0) throw invalidFields(errors);
        return String(chosen?.fullName ?? '');
      }
      case 'change-application': {
        const original = await findApprovedApplication(values.originalApplicationNo, values.phone);
        const errors = {
          ...(await checkDatasets('datasets', '目录', values.datasets)),
          ...(!original && { originalApplicationNo: '未找到与此联系电话对应的已获批数据使用申请，请核对原申请编号和联系电话' }),
        };
        if (Object.keys(errors).length > 0) throw invalidFields(errors);
        return String(original?.organisationName ?? '');
      }
      case 'outcome': {
        const original = await findApprovedApplication(values.applicationNo, values.phone);
        if (!original) throw invalidFields({ applicationNo: '未找到与此手机号码对应的已获批数据使用申请，请核对数据申请表号和手机号码' });
        return String(original.organisationName ?? '');
      }
    }
  }

  return {
    /** Validates and stores one public submission in one transaction; returns its number and password once. */
    async create(kindId: SubmissionKindId, input: unknown): Promise<Submitted> {
      const kind = submissionKinds[kindId];
      const parsed = parseForm(formSchemas[kindId], input);
      if (!parsed.ok) throw invalidFields(parsed.fields);
      const organisationName = await checkReferences(kindId, parsed.values);
      const queryPassword = kind.issuesPassword ? makeQueryPassword((n) => randomBytes(n)) : undefined;
      // Hashing is slow on purpose; do it before the transaction holds the counter's row lock.
      // Salted by the phone the query page opens it with (lib/password-hash hashQueryPassword).
      const phone = String((parsed.values as Record<string, unknown>)[kind.form.phoneField] ?? '');
      const passwordHash = queryPassword ? await hashQueryPassword(normaliseQueryPassword(queryPassword), phone) : undefined;
      const status = initialStatus(kind);
      const now = new Date();
      const applicationNo = await inTransaction(strapi, async (trx) => {
        const no = await allocateRecordNo(trx, kind.prefix, shanghaiYear(now));
        await strapi.documents(uidOf(kindId)).create({
          data: { ...parsed.values, recordNo: no, status, organisationName, passwordHash, submittedAt: now.toISOString() } as never,
        });
        await appendEvent(strapi, { recordNo: no, action: 'submit', from: null, to: status, actor: '申请人' }, now.toISOString());
        return no;
      });
      const notify = serviceOf(strapi, 'plugin::review-desk.notify');
      void notify.submitted(kindId, { ...parsed.values, id: 0, documentId: '', recordNo: applicationNo, status } as Entry);
      return {
        applicationNo,
        ...(queryPassword && { queryPassword, token: issueRecordToken([applicationNo]) }),
        status,
        statusLabel: statusLabels[status],
      };
    },
  };
};
