import { randomBytes, randomUUID } from 'node:crypto';
import {
  type AgencyStatus,
  type AgencyValues,
  agencyDocuments,
  agencySchema,
  agencyStatusLabels,
  cityOfCounty,
  letterLabel,
  letterUpload,
  makeQueryPassword,
  normaliseQueryPassword,
  parseForm,
  t,
} from '@statdesk/config';
import { recordKinds } from '@statdesk/config/contract';
import type { Core } from '@strapi/strapi';
import { appendEvent } from '../../../lib/history';
import { invalidFields, PublicError } from '../../../lib/http-errors';
import { answersOf } from '../../../lib/multipart-answers';
import { hashSecret } from '../../../lib/password-hash';
import { privateStorage } from '../../../lib/private-storage';
import { allocateRecordNo } from '../../../lib/record-numbers';
import { shanghaiYear } from '../../../lib/records';
import { type CheckedFile, checkScanFile, storedScanAttributes, type UploadedFile } from '../../../lib/scan-file';
import { inTransaction } from '../../../lib/transaction';

export const AGENCY = 'api::agency.agency';
/** An agency's stored row, as the chain and the status look-up read it. */
export interface AgencyEntry extends Record<string, unknown> {
  id: number;
  documentId: string;
  registrationNo: string;
  status: AgencyStatus;
  agencyName: string;
  creditCode: string;
  countyCode: string;
  delegators: Array<{ code: string; name: string }>;
  submittedAt: string;
  reviewReason: string | null;
  effectiveDate: string | null;
  passwordHash?: string | null;
}

export const agencyNotFound = () => new PublicError(404, 'NotFoundError', t('workflow.agency.notFound'));

/** Every document the registration needs, with the upload name it arrives under and its label. */
const requiredDocuments = (values: AgencyValues) => [
  ...agencyDocuments.map((d) => ({ upload: d.name, label: d.label })),
  ...values.delegators.map((d, i) => ({ upload: letterUpload(i), label: letterLabel(d.name) })),
];

/** Checks every file before anything is stored; each problem is reported under its upload's name. */
async function checkDocuments(values: AgencyValues, files: Record<string, UploadedFile | undefined>) {
  const checked: Array<{ upload: string; file: CheckedFile }> = [];
  const problems: Record<string, string> = {};
  for (const document of requiredDocuments(values)) {
    try {
      checked.push({ upload: document.upload, file: await checkScanFile(files[document.upload], document.label) });
    } catch (error) {
      if (!(error instanceof PublicError)) throw error;
      problems[document.upload] = error.message.replace(
        t('upload.missing'),
        t('workflow.agency.uploadDocument', { label: document.label }),
      );
    }
  }
  if (Object.keys(problems).length > 0) throw invalidFields(problems);
  return checked;
}

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /**
   * 统计代理机构登记 (seeds/004 §七): the answers and every document arrive in one multipart request
   * and are stored together or not at all; the 县区 bureau reviews first. The answer carries a
   * query password, shown once, that opens the registration's status (services/status.ts).
   */
  async register(body: unknown, files: Record<string, UploadedFile | undefined>) {
    const parsed = parseForm(agencySchema, answersOf(body));
    if (!parsed.ok) throw invalidFields(parsed.fields);
    const values = parsed.values;
    const documents = await checkDocuments(values, files);
    const queryPassword = makeQueryPassword((n) => randomBytes(n));
    const passwordHash = await hashSecret(normaliseQueryPassword(queryPassword));
    const now = new Date();
    const stored: string[] = [];
    try {
      return await inTransaction(strapi, async (trx) => {
        const no = await allocateRecordNo(trx, recordKinds.agency.prefix, shanghaiYear(now));
        for (const { upload, file } of documents) {
          const key = `agencies/${no}/${upload}-${randomUUID()}.${file.extension}`;
          await privateStorage().put(key, file.bytes);
          stored.push(key);
          await strapi
            .documents('api::attachment.attachment')
            .create({ data: { ...storedScanAttributes(no, file, key), purpose: upload } });
        }
        await strapi.documents(AGENCY).create({
          data: {
            ...values,
            registrationNo: no,
            cityCode: cityOfCounty(values.countyCode),
            status: 'county_review',
            submittedAt: now.toISOString(),
            passwordHash,
          },
        });
        await appendEvent(
          strapi,
          { recordNo: no, action: 'submit', from: null, to: 'county_review', actor: t('workflow.actor.agency') },
          now.toISOString(),
        );
        return { registrationNo: no, queryPassword, status: 'county_review', statusLabel: agencyStatusLabels.county_review };
      });
    } catch (error) {
      // Files of a registration that was not committed are removed with it.
      await Promise.all(stored.map((key) => privateStorage().remove(key)));
      throw error;
    }
  },
});
