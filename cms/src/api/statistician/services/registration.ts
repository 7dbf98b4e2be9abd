import { randomBytes } from 'node:crypto';
import {
  makeQueryPassword,
  normaliseQueryPassword,
  parseForm,
  parseIdCard,
  registrationState,
  registrationStateLabels,
  type StatisticianValues,
  statisticianSchema,
  t,
} from '@statdesk/config';
import { type Registration, recordKinds } from '@statdesk/config/contract';
import type { Core } from '@strapi/strapi';
import { limitedDisclosure } from '../../../lib/attempt-limit';
import { documentData } from '../../../lib/document-data';
import { appendEvent } from '../../../lib/history';
import { invalidFields, PublicError } from '../../../lib/http-errors';
import { hashSecret } from '../../../lib/password-hash';
import { allocateRecordNo } from '../../../lib/record-numbers';
import { lockRow, shanghaiYear } from '../../../lib/records';
import { inTransaction } from '../../../lib/transaction';
import { gateChanged } from './gate';

export const STATISTICIAN = 'api::statistician.statistician';

export type StatisticianEntry = StatisticianValues & {
  id: number;
  documentId: string;
  registrationNo: string;
  status: 'active' | 'removed';
  locked: boolean;
  gender: 'male' | 'female';
  birthDate: string;
  submittedAt: string;
  passwordHash?: string;
};

/** Locks a registration's row until the surrounding transaction ends, so two changes queue. */
export const lockRegistration = async (strapi: Core.Strapi, no: string): Promise<StatisticianEntry | null> =>
  (await lockRow<StatisticianEntry>(strapi, STATISTICIAN, { registrationNo: no })) ?? null;

const alreadyRegistered = () =>
  new PublicError(409, 'ConflictError', t('statistician.alreadyRegistered'), { idNumber: t('statistician.alreadyRegistered') });

/** The values a registration stores: the answers, with gender and birth date derived from the ID (GB 11643). */
export function registrationValues(input: unknown): StatisticianValues & { gender: 'male' | 'female'; birthDate: string } {
  const parsed = parseForm(statisticianSchema, input);
  if (!parsed.ok) throw invalidFields(parsed.fields);
  const facts = parseIdCard(parsed.values.idNumber);
  if (!facts.ok) throw invalidFields({ idNumber: facts.message });
  return { ...parsed.values, idNumber: facts.value.number, gender: facts.value.gender, birthDate: facts.value.birthDate };
}

/** What the person (after the look-up) and the bureau see of a registration: never the password hash. */
export function registrationView(entry: StatisticianEntry): Registration {
  const state = registrationState(entry);
  return {
    registrationNo: entry.registrationNo,
    name: entry.name,
    idNumber: entry.idNumber,
    gender: entry.gender,
    birthDate: entry.birthDate,
    phone: entry.phone,
    email: entry.email ?? null,
    education: entry.education,
    qualification: entry.qualification,
    employer: entry.employer,
    registeredBy: entry.registeredBy,
    serviceUnits: entry.serviceUnits,
    state,
    stateLabel: registrationStateLabels[state],
    submittedAt: entry.submittedAt,
  };
}
export type RegistrationView = Registration;

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /**
   * Registers a statistician once per ID number (seeds/004 §十二): the registration is locked once
   * submitted, and a known ID answers 409 with the advice to add service units instead. That 409
   * tells whoever asks that the ID is registered, so it counts against the client address's
   * attempt limit (lib/attempt-limit limitedDisclosure): after 20 in 15 minutes, a 429.
   */
  async register(input: unknown, address: string): Promise<{ registrationNo: string; queryPassword: string; status: string }> {
    const values = registrationValues(input);
    const isRegistered = async () => Number(await strapi.db.query(STATISTICIAN).count({ where: { idNumber: values.idNumber } })) > 0;
    const isKnownId = () => limitedDisclosure(strapi, address, isRegistered);
    if (await isKnownId()) throw alreadyRegistered();
    const queryPassword = makeQueryPassword((n) => randomBytes(n));
    const passwordHash = await hashSecret(normaliseQueryPassword(queryPassword));
    const now = new Date();
    try {
      const registrationNo = await inTransaction(strapi, async (trx) => {
        const no = await allocateRecordNo(trx, recordKinds.statistician.prefix, shanghaiYear(now));
        await strapi.documents(STATISTICIAN).create({
          data: documentData(STATISTICIAN, {
            ...values,
            registrationNo: no,
            status: 'active',
            locked: true,
            passwordHash,
            submittedAt: now.toISOString(),
          }),
        });
        const actor = values.registeredBy === 'self' ? t('workflow.actor.self') : t('workflow.actor.onBehalf');
        await appendEvent(strapi, { recordNo: no, action: 'register', from: null, to: 'locked', actor }, now.toISOString());
        return no;
      });
      await gateChanged(strapi, values.serviceUnits);
      return { registrationNo, queryPassword, status: 'active' };
    } catch (error) {
      // A second registration that raced past the check above meets Strapi's unique check or the
      // database's unique index; either way the ID is now registered.
      if (await isKnownId()) throw alreadyRegistered();
      throw error;
    }
  },
});
