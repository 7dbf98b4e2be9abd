import { randomBytes, randomUUID } from 'node:crypto';
import {
  type AgencyStatus,
  type AgencyValues,
  activeLocale,
  agencyDocuments,
  agencyListUploads,
  agencySchemaIn,
  agencyStatusLabels,
  cityOfCounty,
  type Delegator,
  isAgencyPilot,
  letterLabel,
  letterUpload,
  makeQueryPassword,
  normaliseQueryPassword,
  parseForm,
  refusingLevel,
  regionName,
  statusAtLevel,
  t,
} from '@statdesk/config';
import { recordKinds } from '@statdesk/config/contract';
import type { Core } from '@strapi/strapi';
import { checkDelegatorListFile, type ListOriginal, readDelegatorList } from '../../../lib/delegator-list';
import { documentData } from '../../../lib/document-data';
import { appendEvent, readEvents } from '../../../lib/history';
import { invalidFields, PublicError } from '../../../lib/http-errors';
import { answersOf } from '../../../lib/multipart-answers';
import { hashSecret } from '../../../lib/password-hash';
import { privateStorage } from '../../../lib/private-storage';
import { allocateRecordNo } from '../../../lib/record-numbers';
import { lockRow, shanghaiYear } from '../../../lib/records';
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
  /** Typed on the form first, then those of the uploaded list (`listed`), whose letters are one file. */
  delegators: Array<{ code: string; name: string; listed?: boolean }>;
  submittedAt: string;
  reviewReason: string | null;
  effectiveDate: string | null;
  passwordHash?: string | null;
}

export const agencyNotFound = () => new PublicError(404, 'NotFoundError', t('workflow.agency.notFound'));

/** Every document the registration needs, with the upload name it arrives under and its label. */
const requiredDocuments = (values: AgencyValues, listed: boolean) => [
  ...agencyDocuments.map((d) => ({ upload: d.name, label: d.label })),
  ...values.delegators.map((d, i) => ({ upload: letterUpload(i), label: letterLabel(d.name) })),
  ...(listed ? [{ upload: agencyListUploads.letters.name, label: agencyListUploads.letters.label }] : []),
];

/**
 * Checks every file before anything is stored; each problem is reported under its upload's name.
 * A document already `stored` (a resubmission) may be left out; one sent replaces it.
 */
async function checkDocuments(
  required: ReturnType<typeof requiredDocuments>,
  files: Record<string, UploadedFile | undefined>,
  stored: ReadonlySet<string> = new Set(),
) {
  const checked: Array<{ upload: string; file: CheckedFile }> = [];
  const problems: Record<string, string> = {};
  for (const document of required) {
    if (!files[document.upload] && stored.has(document.upload)) continue;
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

/**
 * An agency's answers, checked: the form, the pilot (seeds/004 §七), the enterprises typed and
 * listed. A resubmission without a new list reads the `storedList` again, so its enterprises stay.
 */
async function checkedAnswers(
  strapi: Core.Strapi,
  body: unknown,
  files: Record<string, UploadedFile | undefined>,
  storedList?: { bytes: Buffer; fileName: string },
) {
  const parsed = parseForm(agencySchemaIn(activeLocale()), answersOf(body));
  if (!parsed.ok) throw invalidFields(parsed.fields);
  const values = parsed.values;
  const pilots = (await strapi.db.query('api::agency-pilot.agency-pilot').findMany({ select: ['regionCode'] })) as Array<{
    regionCode: string;
  }>;
  if (
    !isAgencyPilot(
      pilots.map((p) => p.regionCode),
      values.countyCode,
    )
  )
    throw invalidFields({ countyCode: t('workflow.agency.notPilot', { county: regionName(values.countyCode) ?? values.countyCode }) });
  const listFile = files[agencyListUploads.list.name];
  const list = listFile
    ? await readDelegatorList(listFile, values.delegators)
    : storedList && (await checkDelegatorListFile(storedList.bytes, storedList.fileName, values.delegators));
  const listed: Delegator[] = list ? list.delegators : [];
  if (values.delegators.length + listed.length === 0) throw invalidFields({ delegators: t('workflow.agency.noDelegators') });
  const delegators = [...values.delegators, ...listed.map((d) => ({ ...d, listed: true }))];
  // The original of a list sent now is stored beside the scans; one stored before stays as it is.
  const listOriginal = listFile && list ? [{ upload: agencyListUploads.list.name, file: list.original }] : [];
  return { values, delegators, required: requiredDocuments(values, listed.length > 0), listOriginal };
}

/** Puts each checked file in the private store and records it; `stored` collects the keys, to remove them if the transaction fails. */
async function storeDocuments(
  strapi: Core.Strapi,
  no: string,
  documents: Array<{ upload: string; file: CheckedFile | ListOriginal }>,
  stored: string[],
) {
  for (const { upload, file } of documents) {
    const key = `agencies/${no}/${upload}-${randomUUID()}.${file.extension}`;
    await privateStorage().put(key, file.bytes);
    stored.push(key);
    await strapi.documents('api::attachment.attachment').create({ data: { ...storedScanAttributes(no, file, key), purpose: upload } });
  }
}

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /**
   * 统计代理机构登记 (seeds/004 §七): the answers and every document arrive in one multipart request
   * and are stored together or not at all; the 县区 bureau reviews first. The answer carries a
   * query password, shown once, that opens the registration's status (services/status.ts).
   */
  async register(body: unknown, files: Record<string, UploadedFile | undefined>) {
    const { values, delegators, required, listOriginal } = await checkedAnswers(strapi, body, files);
    const documents = [...(await checkDocuments(required, files)), ...listOriginal];
    const queryPassword = makeQueryPassword((n) => randomBytes(n));
    const passwordHash = await hashSecret(normaliseQueryPassword(queryPassword));
    const now = new Date();
    const stored: string[] = [];
    try {
      return await inTransaction(strapi, async (trx) => {
        const no = await allocateRecordNo(trx, recordKinds.agency.prefix, shanghaiYear(now));
        await storeDocuments(strapi, no, documents, stored);
        await strapi.documents(AGENCY).create({
          data: {
            ...values,
            delegators,
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

  /**
   * A refused registration, supplemented: the agency sends its answers again with the documents
   * it replaces (the others stay), and the registration goes back, under the same number, to the
   * level that refused it (seeds/004 §七: each level reviews until 审核无误).
   */
  async resubmit(no: string, body: unknown, files: Record<string, UploadedFile | undefined>): Promise<void> {
    const storedRows = (await strapi.db
      .query('api::attachment.attachment')
      .findMany({ where: { recordNo: no }, select: ['id', 'purpose', 'storageKey', 'fileName'] })) as Array<{
      id: number;
      purpose: string;
      storageKey: string;
      fileName: string;
    }>;
    // A new list replaces the stored one, which then need not be read.
    const listRow = files[agencyListUploads.list.name] ? undefined : storedRows.find((row) => row.purpose === agencyListUploads.list.name);
    const storedList = listRow && { bytes: await privateStorage().get(listRow.storageKey), fileName: listRow.fileName };
    const { values, delegators, required, listOriginal } = await checkedAnswers(strapi, body, files, storedList);
    const documents = [...(await checkDocuments(required, files, new Set(storedRows.map((row) => row.purpose)))), ...listOriginal];
    const replaced = storedRows.filter((row) => documents.some((d) => d.upload === row.purpose));
    const stored: string[] = [];
    try {
      await inTransaction(strapi, async () => {
        const entry = await lockRow<AgencyEntry>(strapi, AGENCY, { registrationNo: no });
        if (!entry) throw agencyNotFound();
        if (entry.status !== 'rejected')
          throw new PublicError(409, 'ConflictError', t('workflow.agency.notRefused', { status: agencyStatusLabels[entry.status] }));
        const to = statusAtLevel[refusingLevel(await readEvents(strapi, no)) ?? 'county'];
        await strapi.db.query('api::attachment.attachment').deleteMany({ where: { id: { $in: replaced.map((row) => row.id) } } });
        await storeDocuments(strapi, no, documents, stored);
        await strapi.documents(AGENCY).update({
          documentId: entry.documentId,
          data: documentData(AGENCY, { ...values, delegators, cityCode: cityOfCounty(values.countyCode), status: to, reviewReason: null }),
        });
        await appendEvent(strapi, { recordNo: no, action: 'resubmit', from: 'rejected', to, actor: t('workflow.actor.agency') });
      });
    } catch (error) {
      await Promise.all(stored.map((key) => privateStorage().remove(key)));
      throw error;
    }
    // The files replaced go once the registration no longer names them.
    await Promise.all(replaced.map((row) => privateStorage().remove(row.storageKey)));
  },
});
