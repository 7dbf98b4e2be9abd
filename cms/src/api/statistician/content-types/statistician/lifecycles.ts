import { registrationState, statisticianForm, t } from '@statdesk/config';
import { errors } from '@strapi/utils';
import { actorOf } from '../../../../lib/admin-context';
import { appendEvent, changedFields } from '../../../../lib/history';
import { PublicError } from '../../../../lib/http-errors';
import { type AdminUser, statisticianOutsideRegion } from '../../../../lib/jurisdiction';
import { registrationValues, STATISTICIAN, type StatisticianEntry, verifiedCodes, withVerification } from '../../services/registration';

/** What the bureau may correct on the person's behalf; the rest changes only through its own action. */
const ANSWERS = statisticianForm.fields.map((f) => f.name);
const COMPARED = [...ANSWERS, 'gender', 'birthDate'];
const PROTECTED = ['registrationNo', 'status', 'locked', 'passwordHash', 'submittedAt', 'registrarNo'];

interface UpdateEvent {
  params: { where?: Record<string, unknown>; data: Record<string, unknown> };
  state: { before?: StatisticianEntry; actor?: string };
}

/** The admin request behind this change, when it is an edit in the Content Manager. */
function contentManagerEdit() {
  const ctx = strapi.requestContext.get() as
    | { request?: { url?: string }; state?: { user?: AdminUser & Record<string, string> } }
    | undefined;
  return ctx?.request?.url?.startsWith('/content-manager/') && ctx.state?.user ? ctx.state.user : undefined;
}

/** A validation failure as the Content Manager shows it: each message next to its field. */
const asAdminError = (error: PublicError) =>
  new errors.ValidationError(error.message, {
    errors: Object.entries(error.fields).map(([name, message]) => ({ path: name.split('.'), message, name: 'ValidationError' })),
  });

/**
 * Edits on the person's behalf (seeds/004 §十二: only the bureau may change a submitted
 * registration) are checked as a registration is and recorded with who and what changed. Our own
 * services (register, reopen, resubmit, remove) write their history themselves.
 */
export default {
  async beforeUpdate(event: UpdateEvent) {
    const user = contentManagerEdit();
    if (!user) return;
    const before = (await strapi.db.query(STATISTICIAN).findOne({ where: event.params.where ?? {} })) as StatisticianEntry | null;
    if (!before) return;
    if (before.status === 'removed') throw new errors.ApplicationError(t('workflow.registration.removedLocked'));
    // A county bureau corrects the registrations of its own region only, as it reopens them.
    const outside = await statisticianOutsideRegion(strapi, user, before.serviceUnits);
    // An ApplicationError: the Content Manager shows its message; Strapi answers a ForbiddenError thrown here with a bare "Forbidden".
    if (outside) throw new errors.ApplicationError(outside);
    const merged = Object.fromEntries(ANSWERS.map((name) => [name, event.params.data[name] ?? before[name as keyof StatisticianEntry]]));
    try {
      const values = registrationValues(merged);
      for (const name of PROTECTED) delete event.params.data[name];
      // Verification is not an answer: a unit verified before stays so, one typed here waits for 核实 (bureau.confirmUnit).
      Object.assign(event.params.data, values, { serviceUnits: withVerification(values.serviceUnits, verifiedCodes(before.serviceUnits)) });
    } catch (error) {
      throw error instanceof PublicError ? asAdminError(error) : error;
    }
    event.state.before = before;
    event.state.actor = actorOf(user);
  },

  async afterUpdate(event: UpdateEvent) {
    const { before, actor } = event.state;
    if (!before || !actor) return;
    const changes = changedFields(before, event.params.data, COMPARED);
    if (Object.keys(changes).length === 0) return;
    const state = registrationState(before);
    await appendEvent(strapi, { recordNo: before.registrationNo, action: 'edit', from: state, to: state, actor, changes });
  },
};
