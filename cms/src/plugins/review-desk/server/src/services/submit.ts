import { randomBytes } from 'node:crypto';
import {
  accessRefusal,
  activeLocale,
  type Filing,
  type FormDefinition,
  formSchemaIn,
  initialStatus,
  makeQueryPassword,
  normaliseQueryPassword,
  parseForm,
  type SubmissionKindId,
  shanghaiDate,
  statusLabels,
  submissionKinds,
  t,
} from '@statdesk/config';
import type { OutcomeSubmitted, Submitted } from '@statdesk/config/contract';
import type { Core } from '@strapi/strapi';
import { documentData } from '../../../../../lib/document-data';
import { appendEvent } from '../../../../../lib/history';
import { invalidFields } from '../../../../../lib/http-errors';
import { answersOf } from '../../../../../lib/multipart-answers';
import { hashQueryPassword } from '../../../../../lib/password-hash';
import { privateStorage } from '../../../../../lib/private-storage';
import { allocateRecordNo } from '../../../../../lib/record-numbers';
import { issueRecordToken } from '../../../../../lib/record-token';
import { type Entry, shanghaiYear, uidOf } from '../../../../../lib/records';
import type { UploadedFile } from '../../../../../lib/scan-file';
import { serviceOf } from '../../../../../lib/services';
import { inTransaction } from '../../../../../lib/transaction';
import { lockCreditCode, refuseTakenCreditCode } from './credit-code';
import { checkFormFiles, storeFormFiles } from './form-files';

/** The statuses of a data application that was approved: its period may have ended since. */
const GRANTED = ['approved', 'expired', 'revoked'];

/** The contract's answer to a submission of kind K. */
type SubmitAnswer<K extends SubmissionKindId> = K extends 'outcome' ? OutcomeSubmitted : Submitted;

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const findOne = (kindId: SubmissionKindId, where: Record<string, unknown>) =>
    strapi.db.query(uidOf(kindId)).findOne({ where }) as Promise<Entry | null>;

  async function checkDatasets(field: string, label: string, codes: unknown): Promise<Record<string, string>> {
    const wanted = codes as string[];
    const known = (await strapi.db
      .query('api::dataset.dataset')
      .findMany({ where: { code: { $in: wanted }, available: true }, select: ['code'] })) as Array<{ code: string }>;
    return known.length === wanted.length ? {} : { [field]: t('field.unknownOption', { label }) };
  }

  /** An approved data application whose leader's phone matches: what changes and outcomes build on. */
  async function findApprovedApplication(no: unknown, phone: unknown): Promise<Entry | null> {
    return findOne('data-application', { recordNo: String(no).trim().toUpperCase(), leaderPhone: phone, status: 'approved' });
  }

  /** A data application granted access once, whose period may since have ended (已到期, 已终止使用). */
  async function findGrantedApplication(no: unknown, phone: unknown): Promise<Entry | null> {
    return findOne('data-application', {
      recordNo: String(no).trim().toUpperCase(),
      leaderPhone: phone,
      status: { $in: GRANTED },
    });
  }

  /**
   * The approved application an outcome or a change is filed against, or the field error saying
   * why not: none of this phone's, or its use has ended (seeds/000 §二 数据使用期限).
   */
  async function usableApplication(field: string, no: unknown, phone: unknown, filing: Filing, notFound: string) {
    const application = await findGrantedApplication(no, phone);
    if (!application) return { application: null, errors: { [field]: notFound } };
    const refusal = accessRefusal(application as Entry & { status: string }, filing, shanghaiDate(new Date()));
    return refusal ? { application: null, errors: { [field]: refusal } } : { application, errors: {} };
  }

  /**
   * The institution a data application names, or the field error saying why it may not: only an
   * approved registration is an applying institution (seeds/000 §3.2 须先完成机构登记, §二 the data
   * centre approves the 机构登记). One still waiting or returned is told so; an unknown or refused
   * number gets one message, as the public list shows neither. Checked here for a new application
   * and a corrected one alike (resubmit.ts calls checkReferences).
   */
  async function applyingInstitution(no: unknown): Promise<{ institution: Entry | null; errors: Record<string, string> }> {
    const found = await findOne('institution', { recordNo: no, status: { $ne: 'rejected' } });
    if (!found) return { institution: null, errors: { institution: t('workflow.submission.institutionRequired') } };
    if (found.status !== 'approved') return { institution: null, errors: { institution: t('workflow.submission.institutionNotApproved') } };
    return { institution: found, errors: {} };
  }

  /**
   * Checks that depend on what is stored (seeds/000_…txt §二), and the organisation name
   * shown in the query table. Messages never tell whether someone else's record exists.
   */
  async function checkReferences(kindId: SubmissionKindId, values: Record<string, unknown>, ownNo?: string): Promise<string> {
    switch (kindId) {
      case 'institution':
        await refuseTakenCreditCode(strapi, String(values.creditCode), ownNo);
        return String(values.fullName);
      case 'data-application': {
        const chosen = await applyingInstitution(values.institution);
        const errors = {
          ...(await checkDatasets('datasets', t('workflow.submission.datasetsLabel'), values.datasets)),
          ...chosen.errors,
        };
        if (Object.keys(errors).length > 0) throw invalidFields(errors);
        return String(chosen.institution?.fullName ?? '');
      }
      case 'change-application': {
        const original = await usableApplication(
          'originalApplicationNo',
          values.originalApplicationNo,
          values.phone,
          'change',
          t('workflow.submission.originalNotFoundByContact'),
        );
        const errors = {
          ...(await checkDatasets('datasets', t('workflow.submission.catalogLabel'), values.datasets)),
          ...original.errors,
        };
        if (Object.keys(errors).length > 0) throw invalidFields(errors);
        return String(original.application?.organisationName ?? '');
      }
      case 'outcome': {
        const original = await usableApplication(
          'applicationNo',
          values.applicationNo,
          values.phone,
          'outcome',
          t('workflow.submission.originalNotFoundByPhone'),
        );
        if (!original.application) throw invalidFields(original.errors);
        return String(original.application.organisationName ?? '');
      }
    }
  }

  return {
    checkReferences,
    findApprovedApplication,
    findGrantedApplication,
    usableApplication,

    /**
     * Validates and stores one public submission, and the files its form asks for, in one transaction;
     * returns its number and password once, as the contract's answer (an outcome's number is also
     * `outcomeNo`, docs/api.md). The answers come as JSON, or in part `data` of a multipart post.
     */
    async create<K extends SubmissionKindId>(
      kindId: K,
      input: unknown,
      files: Record<string, UploadedFile[] | undefined> = {},
    ): Promise<SubmitAnswer<K>> {
      const kind = submissionKinds[kindId];
      const parsed = parseForm(formSchemaIn(kindId, activeLocale()), answersOf(input));
      if (!parsed.ok) throw invalidFields(parsed.fields);
      const organisationName = await checkReferences(kindId, parsed.values);
      const formFiles = await checkFormFiles((kind.form as FormDefinition).uploads ?? [], files);
      const queryPassword = kind.issuesPassword ? makeQueryPassword((n) => randomBytes(n)) : undefined;
      // Hashing is slow on purpose; do it before the transaction holds the counter's row lock.
      // Salted by the phone the query page opens it with (lib/password-hash hashQueryPassword).
      const phone = String((parsed.values as Record<string, unknown>)[kind.form.phoneField] ?? '');
      const passwordHash = queryPassword ? await hashQueryPassword(normaliseQueryPassword(queryPassword), phone) : undefined;
      const status = initialStatus(kind);
      const now = new Date();
      const written: string[] = [];
      const applicationNo = await inTransaction(strapi, async (trx) => {
        if (kindId === 'institution') {
          // Checked again under the code's lock: a registration of the same code that committed
          // since the check above is seen now, and refused on the field.
          await lockCreditCode(trx, String(parsed.values.creditCode));
          await refuseTakenCreditCode(strapi, String(parsed.values.creditCode));
        }
        const no = await allocateRecordNo(trx, kind.prefix, shanghaiYear(now));
        await storeFormFiles(strapi, kindId === 'outcome' ? 'outcomes' : 'attachments', no, formFiles, written);
        await strapi.documents(uidOf(kindId)).create({
          data: documentData(uidOf(kindId), {
            ...parsed.values,
            recordNo: no,
            status,
            organisationName,
            passwordHash,
            submittedAt: now.toISOString(),
            // The language the request came in: the applicant's mail and printed form follow it.
            language: activeLocale(),
          }),
        });
        await appendEvent(
          strapi,
          { recordNo: no, action: 'submit', from: null, to: status, actor: t('workflow.actor.applicant') },
          now.toISOString(),
        );
        // The confirmation is queued with the record: stored together or not at all.
        const entry = { ...parsed.values, id: 0, documentId: '', recordNo: no, status, language: activeLocale() } as Entry;
        await serviceOf(strapi, 'plugin::review-desk.notify').submitted(kindId, entry, trx);
        return no;
      }).catch(async (error: unknown) => {
        // Files of a submission that was not committed are removed with it.
        await Promise.all(written.map((key) => privateStorage().remove(key)));
        throw error;
      });
      const answer: Submitted = {
        applicationNo,
        queryPassword: queryPassword ?? '',
        token: issueRecordToken([applicationNo]),
        status,
        statusLabel: statusLabels[status],
      };
      return (kindId === 'outcome' ? { ...answer, outcomeNo: applicationNo } : answer) as SubmitAnswer<K>;
    },
  };
};
