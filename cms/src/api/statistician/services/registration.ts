import { randomBytes } from 'node:crypto';
import {
  activeLocale,
  makeQueryPassword,
  normaliseQueryPassword,
  parseForm,
  parseIdCard,
  registrationState,
  type ServiceUnit,
  type StatisticianValues,
  statisticianSchemaIn,
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
import { serviceOf } from '../../../lib/services';
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
  registrarNo?: string | null;
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
  const parsed = parseForm(statisticianSchemaIn(activeLocale()), input);
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
    registrarNo: entry.registrarNo ?? null,
    serviceUnits: entry.serviceUnits.map((u) => ({ code: u.code, name: u.name, role: u.role, verified: u.verified === true })),
    state,
    stateLabel: t(`statistician.state.${state}`),
    submittedAt: entry.submittedAt,
  };
}
export type RegistrationView = Registration;

export default ({ strapi }: { strapi: Core.Strapi }) => {
  /**
   * The registration of whoever registers a colleague (seeds/004 §十一: the enterprise's 综合统计人员),
   * opened by their own look-up; without it nobody would know who registered whom.
   */
  async function activeRegistrar(no: string | undefined): Promise<string> {
    const entry = no
      ? ((await strapi.db.query(STATISTICIAN).findOne({ where: { registrationNo: no } })) as StatisticianEntry | null)
      : null;
    if (!entry || entry.status === 'removed') throw invalidFields({ registeredBy: t('statistician.onBehalf.signIn') });
    return entry.registrationNo;
  }

  return {
    /**
     * Registers a statistician once per ID number (seeds/004 §十二): the registration is locked once
     * submitted, and a known ID answers 409 with the advice to add service units instead. That 409
     * tells whoever asks that the ID is registered, so it counts against the client address's
     * attempt limit (lib/attempt-limit limitedDisclosure): after 20 in 15 minutes, a 429. A removed
     * (注销) registration no longer holds the ID.
     *
     * With `gateToken` (the link the gate gave the enterprise, lib/gate-link) the enterprise must be
     * among the units and is stored verified; every other unit waits for the bureau's confirmation.
     * `inviteToken` (a link a comprehensive statistician made for this colleague, §十一) does the
     * same for its enterprise, once, and records its maker as `registrarNo`. Registering
     * `on_behalf` needs the registrar's own look-up (`registrarNo`), recorded the same way.
     */
    async register(
      input: unknown,
      address: string,
      registrarNo?: string,
    ): Promise<{ registrationNo: string; queryPassword: string; status: string }> {
      const body = (input && typeof input === 'object' ? input : {}) as Record<string, unknown>;
      const links = serviceOf(strapi, 'api::registration-link.links');
      const gateCode = body.gateToken ? readGateLink(body.gateToken).enterpriseCode : undefined;
      const invite = body.inviteToken ? await links.peek(body.inviteToken) : undefined;
      const values = registrationValues(input);
      const vouched = [gateCode, invite?.enterpriseCode].filter((c): c is string => Boolean(c));
      const missing = vouched.find((code) => !values.serviceUnits.some((u) => u.code === code));
      if (missing) throw invalidFields({ serviceUnits: t('statistician.gateLink.unitMissing', { code: missing }) });
      const registrar = invite?.createdByNo ?? (values.registeredBy === 'on_behalf' ? await activeRegistrar(registrarNo) : undefined);
      const serviceUnits = withVerification(values.serviceUnits, new Set(vouched));
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
              registrarNo: registrar ?? null,
              registrationNo: no,
              status: 'active',
              locked: true,
              passwordHash,
              submittedAt: now.toISOString(),
            }),
          });
          // seeds/004 §十一: the colleague's link is marked used inside this transaction, so a second
          // registration through the same link waits for it and is refused; a failure keeps it unused.
          if (invite) await links.claim(body.inviteToken, no);
          const actor = values.registeredBy === 'self' ? t('workflow.actor.self') : t('workflow.actor.onBehalf');
          // The history names the unit the platform (or a colleague's link) vouched for, as the
          // bureau's confirmation does, and who registered or assigned the form (§十一).
          const changes = {
            ...(vouched[0] && { verifiedUnit: { from: null, to: vouched.join('、') } }),
            ...(registrar && { registrarNo: { from: null, to: registrar } }),
          };
          await appendEvent(
            strapi,
            {
              recordNo: no,
              action: 'register',
              from: null,
              to: 'locked',
              actor,
              changes: Object.keys(changes).length ? changes : undefined,
            },
            now.toISOString(),
          );
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
  };
};
