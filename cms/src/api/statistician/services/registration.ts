import { randomBytes } from 'node:crypto';
import {
  makeQueryPassword,
  normaliseQueryPassword,
  parseForm,
  parseIdCard,
  registrationState,
  registrationStateLabels,
  type ServiceUnit,
  type StatisticianValues,
  statisticianSchema,
  t,
} from '@statdesk/config';
import { type Registration, recordKinds } from '@statdesk/config/contract';
import type { Core } from '@strapi/strapi';
import { limitedDisclosure } from '../../../lib/attempt-limit';
import { documentData } from '../../../lib/document-data';
import { readGateLink } from '../../../lib/gate-link';
import { appendEvent } from '../../../lib/history';
import { invalidFields, PublicError } from '../../../lib/http-errors';
import { hashSecret } from '../../../lib/password-hash';
import { allocateRecordNo } from '../../../lib/record-numbers';
import { lockRow, shanghaiYear } from '../../../lib/records';
import { inTransaction } from '../../../lib/transaction';
import { gateChanged } from './gate';

export const STATISTICIAN = 'api::statistician.statistician';

/** A service unit as stored: `verified` when the platform's link vouched for it or the bureau confirmed it. */
export type StoredUnit = ServiceUnit & { verified?: boolean };

export type StatisticianEntry = Omit<StatisticianValues, 'serviceUnits'> & {
  serviceUnits: StoredUnit[];
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

/**
 * The units with their verification: a unit is verified when its code is among `verified` (kept
 * from before, or the gate link's enterprise). What a client sends as `verified` is never read.
 */
export const withVerification = (units: readonly ServiceUnit[], verified: ReadonlySet<string>): StoredUnit[] =>
  units.map(({ code, name, role }) => ({ code, name, role, verified: verified.has(code) }));

/** The codes of the units already verified, which an edit keeps verified. */
export const verifiedCodes = (units: readonly StoredUnit[]): Set<string> => new Set(units.filter((u) => u.verified).map((u) => u.code));

/** Only an active registration holds its ID number: a removed person may register again (seeds/004 §十二). */
export const activeWithId = (idNumber: string) => ({ idNumber, status: 'active' });

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
    serviceUnits: entry.serviceUnits.map((u) => ({ code: u.code, name: u.name, role: u.role, verified: u.verified === true })),
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
   * attempt limit (lib/attempt-limit limitedDisclosure): after 20 in 15 minutes, a 429. A removed
   * (注销) registration no longer holds the ID.
   *
   * With `gateToken` (the link the gate gave the enterprise, lib/gate-link) the enterprise must be
   * among the units and is stored verified; every other unit waits for the bureau's confirmation.
   */
  async register(input: unknown, address: string): Promise<{ registrationNo: string; queryPassword: string; status: string }> {
    const body = (input && typeof input === 'object' ? input : {}) as Record<string, unknown>;
    const vouched = body.gateToken ? readGateLink(body.gateToken).enterpriseCode : undefined;
    const values = registrationValues(input);
    if (vouched && !values.serviceUnits.some((u) => u.code === vouched))
      throw invalidFields({ serviceUnits: t('statistician.gateLink.unitMissing', { code: vouched }) });
    const serviceUnits = withVerification(values.serviceUnits, new Set(vouched ? [vouched] : []));
    const isRegistered = async () => Number(await strapi.db.query(STATISTICIAN).count({ where: activeWithId(values.idNumber) })) > 0;
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
            serviceUnits,
            registrationNo: no,
            status: 'active',
            locked: true,
            passwordHash,
            submittedAt: now.toISOString(),
          }),
        });
        const actor = values.registeredBy === 'self' ? t('workflow.actor.self') : t('workflow.actor.onBehalf');
        // The history names the unit the platform vouched for, as the bureau's confirmation does.
        const changes = vouched ? { verifiedUnit: { from: null, to: vouched } } : undefined;
        await appendEvent(strapi, { recordNo: no, action: 'register', from: null, to: 'locked', actor, changes }, now.toISOString());
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
