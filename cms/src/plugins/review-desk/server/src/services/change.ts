import { amendAction, changeApplication, type Field, shanghaiDate, submissionKinds, t } from '@statdesk/config';
import type { Core } from '@strapi/strapi';
import { documentData } from '../../../../../lib/document-data';
import { type FieldAccess, formatVisibleAnswer } from '../../../../../lib/field-access';
import { appendEvent, changedFields } from '../../../../../lib/history';
import { invalidFields, PublicError } from '../../../../../lib/http-errors';
import { type Entry, lockRecord, uidOf } from '../../../../../lib/records';
import { serviceOf, servicesIn } from '../../../../../lib/services';

const changeFields = submissionKinds['change-application'].form.fields as readonly Field[];
const originalFields = submissionKinds['data-application'].form.fields as readonly Field[];
const fieldNamed = (fields: readonly Field[], name: string) => fields.find((field) => field.name === name) as Field;

/**
 * A change application and its approved original (seeds/000 §3.3): the change starts from the
 * original's answers, the reviewer reads the two side by side, and approving the change updates
 * the original, with an entry in both histories.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const service = servicesIn(strapi, 'plugin::review-desk');

  const catalogOptions = () => serviceOf(strapi, 'api::dataset.catalog').options();

  return {
    /**
     * The change form's answers from the original, once its number, phone and query password
     * match (the password is checked as on /query, under the same attempt limits).
     */
    async prefill(input: unknown, address: string): Promise<{ values: Record<string, unknown> }> {
      const body = (input && typeof input === 'object' ? input : {}) as Record<string, unknown>;
      const no = String(body.applicationNo ?? '')
        .trim()
        .toUpperCase();
      if (!no) throw invalidFields({ applicationNo: t('workflow.submission.originalNoRequired') });
      const { records } = await service('query').query(body, address);
      const opened = records.find((r) => r.recordNo === no);
      const notFound = t('workflow.submission.originalNotFoundByContact');
      // Only a record the password opened is looked at, so nothing is told about anyone else's.
      const { application: original, errors } = opened
        ? await service('submit').usableApplication('applicationNo', no, opened.phone, 'change', notFound)
        : { application: null, errors: { applicationNo: notFound } };
      if (!original) throw invalidFields(errors);
      const options = await catalogOptions();
      const name = (code: string) => options.find((o) => o.value === code)?.label ?? code;
      return { values: changeApplication.prefillFromOriginal(original, name) };
    },

    /** The original beside the change, answer by answer, as the reader's role may see them. */
    async comparison(change: Entry, access: FieldAccess) {
      const original = await service('submit').findGrantedApplication(change.originalApplicationNo, change.phone);
      if (!original) return null;
      const visible = access.project(uidOf('data-application'), original);
      const options = await catalogOptions();
      return {
        recordNo: original.recordNo,
        rows: changeApplication.comparedWithOriginal.map(([name, originalName]) => ({
          label: fieldNamed(changeFields, name).label,
          original: formatVisibleAnswer(fieldNamed(originalFields, originalName), visible[originalName], options),
          change: formatVisibleAnswer(fieldNamed(changeFields, name), change[name], options),
        })),
      };
    },

    /**
     * Inside the change's approval: the original takes the change's datasets and the period the
     * reviewer grants (when given), and its history says which change did it and what changed.
     * An original that expired while the change waited is in use again only with a new period
     * that has not ended; one the centre ended (终止使用) takes no change. Answers what changed,
     * for the change's own history.
     */
    async amendOriginal(change: Entry, period: { accessStart?: string | undefined; accessEnd?: string | undefined }, actor: string) {
      const original = await lockRecord(strapi, 'data-application', String(change.originalApplicationNo));
      if (!original) return;
      const from = original.status as string;
      if (from === 'revoked') throw new PublicError(409, 'ConflictError', t('workflow.change.originalRevoked', { no: original.recordNo }));
      const renewed = Boolean(period.accessStart && period.accessEnd && period.accessEnd >= shanghaiDate(new Date()));
      if (from === 'expired' && !renewed)
        throw invalidFields({
          accessEnd: t('workflow.change.originalExpired', { no: original.recordNo, end: String(original.accessEnd) }),
        });
      if (from !== 'approved' && from !== 'expired') return;
      const after = {
        datasets: change.datasets,
        ...(period.accessStart && { accessStart: period.accessStart, accessEnd: period.accessEnd }),
      };
      const changes = changedFields(original, after, Object.keys(after));
      // A new last day earns its own 30-day reminder (services/access-periods).
      const reminder = period.accessStart ? { expiryRemindedAt: null } : {};
      // In use again: the expiry's reason no longer describes the record.
      const reopened = from === 'expired' ? { status: 'approved', reviewReason: null } : {};
      await strapi.documents(uidOf('data-application')).update({
        documentId: original.documentId,
        data: documentData(uidOf('data-application'), { ...after, ...reminder, ...reopened }),
      });
      await appendEvent(strapi, {
        recordNo: original.recordNo,
        action: amendAction,
        from,
        to: 'approved',
        actor,
        reason: t('workflow.submission.amendedBy', { no: change.recordNo }),
        changes,
      });
      return changes;
    },
  };
};
