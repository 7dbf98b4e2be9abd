import { normaliseQueryPassword, parseForm, parseIdCard, serviceUnitsSchema, t } from '@statdesk/config';
import type { Core } from '@strapi/strapi';
import { limitedAttempt } from '../../../lib/attempt-limit';
import { appendEvent, changedFields } from '../../../lib/history';
import { invalidFields, PublicError } from '../../../lib/http-errors';
import { ifPasswordMatches } from '../../../lib/password-hash';
import { issueRecordToken } from '../../../lib/record-token';
import { inTransaction } from '../../../lib/transaction';
import { gateChanged } from './gate';
import { lockRegistration, type RegistrationView, registrationView, STATISTICIAN, type StatisticianEntry } from './registration';

export const notFound = () => new PublicError(404, 'NotFoundError', t('workflow.registration.notFound'));

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const find = async (no: string) =>
    (await strapi.db.query(STATISTICIAN).findOne({ where: { registrationNo: no } })) as StatisticianEntry | null;

  return {
    find,

    /**
     * The look-up page: the ID number and the query password open one registration, with
     * a short-lived token for resubmitting it. Limited per ID number and per client address, like
     * the microdata query (lib/attempt-limit).
     */
    async lookUp(input: unknown, address: string): Promise<{ token: string; registration: RegistrationView }> {
      const body = (input && typeof input === 'object' ? input : {}) as Record<string, unknown>;
      const id = parseIdCard(typeof body.idNumber === 'string' ? body.idNumber : '');
      const password = typeof body.password === 'string' ? normaliseQueryPassword(body.password) : '';
      if (!id.ok || !password)
        throw invalidFields({
          ...(!id.ok && { idNumber: id.message }),
          ...(!password && { password: t('workflow.lookUp.passwordRequired') }),
        });
      const entry = await limitedAttempt(
        strapi,
        { scope: 'id_number', value: id.value.number },
        address,
        t('statistician.wrongPair'),
        async () =>
          ifPasswordMatches(
            (await strapi.db.query(STATISTICIAN).findOne({ where: { idNumber: id.value.number } })) as StatisticianEntry | null,
            password,
          ),
      );
      return { token: issueRecordToken([entry.registrationNo]), registration: registrationView(entry) };
    },

    async view(no: string): Promise<RegistrationView> {
      const entry = await find(no);
      if (!entry) throw notFound();
      return registrationView(entry);
    },

    /**
     * A reopened registration takes the person's new list of service units and is locked again
     * (seeds/004 §十二: add units to the existing registration). A locked one answers 409.
     */
    async resubmit(no: string, input: unknown): Promise<RegistrationView> {
      const parsed = parseForm(serviceUnitsSchema, input);
      if (!parsed.ok) throw invalidFields(parsed.fields);
      const { view, touched } = await inTransaction(strapi, async () => {
        const entry = await lockRegistration(strapi, no);
        if (!entry) throw notFound();
        if (entry.status === 'removed') throw new PublicError(409, 'ConflictError', t('workflow.registration.removed'));
        if (entry.locked) throw new PublicError(409, 'ConflictError', t('workflow.registration.notReopened'));
        const serviceUnits = parsed.values.serviceUnits;
        await strapi.documents(STATISTICIAN).update({ documentId: entry.documentId, data: { serviceUnits, locked: true } });
        await appendEvent(strapi, {
          recordNo: no,
          action: 'resubmit',
          from: 'reopened',
          to: 'locked',
          actor: t('workflow.actor.self'),
          changes: changedFields(entry, { serviceUnits }, ['serviceUnits']),
        });
        return { view: registrationView({ ...entry, serviceUnits, locked: true }), touched: [...entry.serviceUnits, ...serviceUnits] };
      });
      await gateChanged(strapi, touched);
      return view;
    },
  };
};
