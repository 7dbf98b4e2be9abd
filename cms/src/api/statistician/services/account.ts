import {
  MAX_SERVICE_UNITS,
  normaliseQueryPassword,
  parseForm,
  parseIdCard,
  registrationState,
  serviceUnitsSchema,
  statisticianForm,
  t,
} from '@statdesk/config';
import type { GateLinkView } from '@statdesk/config/contract';
import type { Core } from '@strapi/strapi';
import { limitedAttempt } from '../../../lib/attempt-limit';
import { documentData } from '../../../lib/document-data';
import { readGateLink } from '../../../lib/gate-link';
import { appendEvent, changedFields } from '../../../lib/history';
import { invalidFields, PublicError } from '../../../lib/http-errors';
import { ifPasswordMatches } from '../../../lib/password-hash';
import { issueRecordToken } from '../../../lib/record-token';
import { inTransaction } from '../../../lib/transaction';
import { gateChanged } from './gate';
import {
  lockRegistration,
  type RegistrationView,
  registrationValues,
  registrationView,
  STATISTICIAN,
  type StatisticianEntry,
  verifiedCodes,
  withVerification,
} from './registration';

/** The answers a person gives (and may change once reopened), as the history compares them. */
const ANSWERS = statisticianForm.fields.map((f) => f.name);

export const notFound = () => new PublicError(404, 'NotFoundError', t('workflow.registration.notFound'));

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const find = async (no: string) =>
    (await strapi.db.query(STATISTICIAN).findOne({ where: { registrationNo: no } })) as StatisticianEntry | null;

  /** The master data's name of an enterprise, when the platform sent it (PUT /api/direct-report/enterprises). */
  const enterpriseName = async (code: string): Promise<string | null> =>
    ((await strapi.db.query('api::enterprise.enterprise').findOne({ where: { code }, select: ['name'] })) as { name?: string } | null)
      ?.name ?? null;

  /**
   * The registration an ID number and its query password open: the active one (a removed person
   * may have registered again), else the latest. Limited per ID number and per client address,
   * like the microdata query (lib/attempt-limit).
   */
  async function openedByPassword(input: unknown, address: string): Promise<StatisticianEntry> {
    const body = (input && typeof input === 'object' ? input : {}) as Record<string, unknown>;
    const id = parseIdCard(typeof body.idNumber === 'string' ? body.idNumber : '');
    const password = typeof body.password === 'string' ? normaliseQueryPassword(body.password) : '';
    if (!id.ok || !password)
      throw invalidFields({
        ...(!id.ok && { idNumber: id.message }),
        ...(!password && { password: t('workflow.lookUp.passwordRequired') }),
      });
    return limitedAttempt(strapi, { scope: 'id_number', value: id.value.number }, address, t('statistician.wrongPair'), async () =>
      ifPasswordMatches(
        (await strapi.db.query(STATISTICIAN).findOne({
          where: { idNumber: id.value.number },
          // 'active' sorts before 'removed'.
          orderBy: [{ status: 'asc' }, { id: 'desc' }],
        })) as StatisticianEntry | null,
        password,
      ),
    );
  }

  /**
   * Saves the answers of a reopened registration and locks it again, in one transaction with its
   * history. The ID number (and so gender and birth date) stays; units verified before stay
   * verified, new ones wait for the bureau.
   */
  async function saveReopened(no: string, answersOf: (entry: StatisticianEntry) => unknown): Promise<RegistrationView> {
    const { view, touched } = await inTransaction(strapi, async () => {
      const entry = await lockRegistration(strapi, no);
      if (!entry) throw notFound();
      if (entry.status === 'removed') throw new PublicError(409, 'ConflictError', t('workflow.registration.removed'));
      if (entry.locked) throw new PublicError(409, 'ConflictError', t('workflow.registration.notReopened'));
      const answers = answersOf(entry);
      const given = (answers && typeof answers === 'object' ? answers : {}) as Record<string, unknown>;
      const values = registrationValues({ ...given, idNumber: entry.idNumber });
      const data = { ...values, serviceUnits: withVerification(values.serviceUnits, verifiedCodes(entry.serviceUnits)), locked: true };
      await strapi.documents(STATISTICIAN).update({ documentId: entry.documentId, data: documentData(STATISTICIAN, data) });
      await appendEvent(strapi, {
        recordNo: no,
        action: 'resubmit',
        from: 'reopened',
        to: 'locked',
        actor: t('workflow.actor.self'),
        changes: changedFields(entry, data, ANSWERS),
      });
      return { view: registrationView({ ...entry, ...data }), touched: [...entry.serviceUnits, ...data.serviceUnits] };
    });
    await gateChanged(strapi, touched);
    return view;
  }

  return {
    find,

    /**
     * The look-up page: the ID number and the query password open one registration, with
     * a short-lived token for resubmitting it. Limited per ID number and per client address, like
     * the microdata query (lib/attempt-limit).
     */
    async lookUp(input: unknown, address: string): Promise<{ token: string; registration: RegistrationView }> {
      const entry = await openedByPassword(input, address);
      return { token: issueRecordToken([entry.registrationNo]), registration: registrationView(entry) };
    },

    async view(no: string): Promise<RegistrationView> {
      const entry = await find(no);
      if (!entry) throw notFound();
      return registrationView(entry);
    },

    /**
     * A reopened registration takes the person's changed answers, every one but the ID number
     * (seeds/004 §十三 "补充或修改注册内容"), and is locked again. A locked one answers 409.
     */
    resubmit: (no: string, input: unknown) => saveReopened(no, () => input),

    /** The same with only the service units changed (seeds/004 §十二: add units to the existing registration). */
    resubmitServiceUnits: (no: string, input: unknown) => {
      const parsed = parseForm(serviceUnitsSchema, input);
      if (!parsed.ok) throw invalidFields(parsed.fields);
      return saveReopened(no, (entry) => ({ ...entry, serviceUnits: parsed.values.serviceUnits }));
    },

    /** What a gate link says: its enterprise (named from the master data when known) and until when. */
    async describeLink(token: string): Promise<GateLinkView> {
      const { enterpriseCode, expiresAt } = readGateLink(token);
      return { enterpriseCode, enterpriseName: await enterpriseName(enterpriseCode), expiresAt };
    },

    /**
     * A registered person arriving through another enterprise's gate link adds that enterprise to
     * their registration (seeds/004 §十二: one registration, up to 30 units), verified; if it is
     * listed already, it becomes verified. Locked or not: the link is the proof. The ID number and
     * the query password are checked as the look-up checks them.
     */
    async addGateUnit(token: string, input: unknown, address: string): Promise<{ token: string; registration: RegistrationView }> {
      const { enterpriseCode } = readGateLink(token);
      const opened = await openedByPassword(input, address);
      const name = (await enterpriseName(enterpriseCode)) ?? enterpriseCode;
      const view = await inTransaction(strapi, async () => {
        const entry = await lockRegistration(strapi, opened.registrationNo);
        if (!entry || entry.status === 'removed') throw notFound();
        const listed = entry.serviceUnits.find((u) => u.code === enterpriseCode);
        if (listed?.verified) return registrationView(entry);
        if (!listed && entry.serviceUnits.length >= MAX_SERVICE_UNITS)
          throw new PublicError(409, 'ConflictError', t('statistician.unitsFull'), { gateToken: t('statistician.unitsFull') });
        const serviceUnits = listed
          ? entry.serviceUnits.map((u) => (u.code === enterpriseCode ? { ...u, verified: true } : u))
          : [...entry.serviceUnits, { code: enterpriseCode, name, role: 'specialised' as const, verified: true }];
        await strapi.documents(STATISTICIAN).update({ documentId: entry.documentId, data: { serviceUnits } });
        const state = registrationState(entry);
        await appendEvent(strapi, {
          recordNo: entry.registrationNo,
          action: 'add_unit',
          from: state,
          to: state,
          actor: t('workflow.actor.self'),
          changes: { verifiedUnit: { from: null, to: enterpriseCode } },
        });
        return registrationView({ ...entry, serviceUnits });
      });
      await gateChanged(strapi, [{ code: enterpriseCode }]);
      return { token: issueRecordToken([view.registrationNo]), registration: view };
    },
  };
};
