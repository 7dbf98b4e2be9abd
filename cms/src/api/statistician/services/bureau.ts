import { randomBytes } from 'node:crypto';
import {
  makeQueryPassword,
  normaliseQueryPassword,
  type RegistrationAction,
  registrationActionLabels,
  registrationState,
  registrationStateLabels,
  statisticianFieldLabels,
  t,
} from '@statdesk/config';
import type { Core } from '@strapi/strapi';
import { appendEvent, labelEvents, readEvents } from '../../../lib/history';
import { invalidFields, PublicError } from '../../../lib/http-errors';
import { hashSecret } from '../../../lib/password-hash';
import { inTransaction } from '../../../lib/transaction';
import { notFound } from './account';
import { gateChanged } from './gate';
import { lockRegistration, type RegistrationView, registrationView, STATISTICIAN, type StatisticianEntry } from './registration';

const requireReason = (reason: unknown): string => {
  const text = typeof reason === 'string' ? reason.trim() : '';
  if (!text) throw invalidFields({ reason: t('workflow.registration.reasonRequired') });
  return text.slice(0, 2000);
};

/**
 * What the statistics bureau does with registrations (seeds/004 §十二, §十三): reopen (开放注册表),
 * remove, confirm a unit typed by hand, reset the query password (edits on the person's behalf are
 * Content Manager edits, see the lifecycles). Each change locks the row and appends who, when and why.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  async function change(
    no: string,
    action: RegistrationAction,
    actor: string,
    reason: string | null,
    apply: (
      entry: StatisticianEntry,
    ) => Promise<{ data: Record<string, unknown>; changes?: Record<string, { from: unknown; to: unknown }> }>,
  ): Promise<RegistrationView> {
    const view = await inTransaction(strapi, async () => {
      const entry = await lockRegistration(strapi, no);
      if (!entry) throw notFound();
      const from = registrationState(entry);
      if (from === 'removed') throw new PublicError(409, 'ConflictError', t('workflow.registration.removed'));
      const { data, changes } = await apply(entry);
      const after = { ...entry, ...data } as StatisticianEntry;
      await strapi.documents(STATISTICIAN).update({ documentId: entry.documentId, data: data });
      await appendEvent(strapi, { recordNo: no, action, from, to: registrationState(after), actor, reason, changes });
      return registrationView(after);
    });
    await gateChanged(strapi, view.serviceUnits);
    return view;
  }

  return {
    /** 开放注册表: the person may add service units and resubmit. */
    reopen: (no: string, actor: string, reason: unknown) =>
      change(no, 'reopen', actor, requireReason(reason), async (entry) => {
        if (!entry.locked) throw new PublicError(409, 'ConflictError', t('workflow.registration.alreadyOpen'));
        return { data: { locked: false } };
      }),

    /**
     * Confirms a service unit typed by hand (after checking with the enterprise): from then on it
     * opens the reporting gate (seeds/004 §十). The history names the unit.
     */
    confirmUnit: (no: string, code: string, actor: string, reason: unknown) =>
      change(no, 'confirm_unit', actor, (typeof reason === 'string' && reason.trim().slice(0, 2000)) || null, async (entry) => {
        const unit = entry.serviceUnits.find((u) => u.code === code);
        if (!unit) throw new PublicError(404, 'NotFoundError', t('workflow.registration.unitNotFound', { code }));
        if (unit.verified) throw new PublicError(409, 'ConflictError', t('workflow.registration.unitAlreadyVerified', { code }));
        return {
          data: { serviceUnits: entry.serviceUnits.map((u) => (u.code === code ? { ...u, verified: true } : u)) },
          changes: { verifiedUnit: { from: null, to: code } },
        };
      }),

    /**
     * A new query password for a person who lost theirs (it is stored only as a hash and cannot be
     * recovered): returned once, for the officer to pass on; the history records that it changed.
     */
    async resetPassword(no: string, actor: string, reason: unknown): Promise<{ registration: RegistrationView; queryPassword: string }> {
      const queryPassword = makeQueryPassword((n) => randomBytes(n));
      const passwordHash = await hashSecret(normaliseQueryPassword(queryPassword));
      const registration = await change(no, 'reset_password', actor, requireReason(reason), async () => ({ data: { passwordHash } }));
      return { registration, queryPassword };
    },

    /** 注销: the registration no longer opens the reporting gate. */
    remove: (no: string, actor: string, reason: unknown) =>
      change(no, 'remove', actor, requireReason(reason), async () => ({ data: { status: 'removed' } })),

    /** The registration and its history, oldest first, as the bureau reads them. */
    async record(no: string) {
      const entry = (await strapi.db.query(STATISTICIAN).findOne({ where: { registrationNo: no } })) as StatisticianEntry | null;
      if (!entry) throw notFound();
      const events = await readEvents(strapi, no);
      return {
        registration: registrationView(entry),
        history: labelEvents(events, registrationActionLabels, registrationStateLabels),
        // The history's changes name stored fields; the panel shows them as the form does.
        fieldLabels: { ...statisticianFieldLabels, verifiedUnit: t('statistician.history.verifiedUnit') },
      };
    },
  };
};
