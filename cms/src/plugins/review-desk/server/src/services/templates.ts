import { type FormId, formatRecordNo, forms, isFormId, sampleAnswers, submissionKinds, t } from '@statdesk/config';
import type { Core } from '@strapi/strapi';
import { invalidFields, PublicError } from '../../../../../lib/http-errors';
import type { Entry } from '../../../../../lib/records';
import { serviceOf } from '../../../../../lib/services';
import { checkTemplate, defaultTemplateSource, renderTemplate } from '../../../../../lib/templates';

const UID = 'api::print-template.print-template';

/** A record that exists only for the preview: sample answers, a number no real record has. */
function sampleEntry(formId: FormId): Entry {
  return {
    id: 0,
    documentId: 'preview',
    recordNo: formatRecordNo(submissionKinds[formId].prefix, 2026, 0),
    status: 'awaiting_upload',
    submittedAt: new Date().toISOString(),
    organisationName: t('template.sampleOrganisation'),
    ...sampleAnswers(forms[formId]),
  };
}

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const known = (formId: string): FormId => {
    if (!isFormId(formId)) throw new PublicError(404, 'NotFoundError', t('template.notFound'));
    return formId;
  };
  const findOverride = (formId: FormId) =>
    strapi.db.query(UID).findOne({ where: { formId } }) as Promise<{
      documentId: string;
      source: string;
      changedBy?: string;
      updatedAt?: string;
    } | null>;
  const checked = (source: unknown): string => {
    if (typeof source !== 'string' || source.trim() === '') throw invalidFields({ source: t('template.sourceRequired') });
    const result = checkTemplate(source);
    if (!result.ok) throw invalidFields({ source: result.message });
    return source;
  };

  return {
    /** The admin's override of a form's template, when there is one (printable.ts prints with it). */
    override: async (formId: FormId) => (await findOverride(formId))?.source,

    async list() {
      return Promise.all(
        (Object.keys(forms) as FormId[]).map(async (formId) => {
          const override = await findOverride(formId);
          return {
            formId,
            title: forms[formId].title,
            overridden: Boolean(override),
            changedBy: override?.changedBy ?? null,
            updatedAt: override?.updatedAt ?? null,
          };
        }),
      );
    },

    async get(formId: string) {
      const id = known(formId);
      const override = await findOverride(id);
      const defaultSource = defaultTemplateSource(id);
      return {
        formId: id,
        title: forms[id].title,
        overridden: Boolean(override),
        source: override?.source ?? defaultSource,
        defaultSource,
      };
    },

    /** Saves an override after checking it; the lifecycle checks again for Content Manager edits. */
    async save(formId: string, source: unknown, actor: string) {
      const id = known(formId);
      const data = { formId: id, source: checked(source), changedBy: actor };
      const existing = await findOverride(id);
      if (existing) await strapi.documents(UID).update({ documentId: existing.documentId, data: data });
      else await strapi.documents(UID).create({ data: data });
      return this.get(id);
    },

    /** Removes the override: the form prints with the template in config/templates again. */
    async reset(formId: string) {
      const id = known(formId);
      const existing = await findOverride(id);
      if (existing) await strapi.documents(UID).delete({ documentId: existing.documentId });
      return this.get(id);
    },

    /** The template rendered against a sample record, as HTML the admin shows in a sandboxed frame. */
    async preview(formId: string, source: unknown): Promise<string> {
      const id = known(formId);
      const template = checked(source);
      const printable = serviceOf(strapi, 'plugin::review-desk.printable');
      return renderTemplate(id, await printable.buildView(id, sampleEntry(id)), template);
    },
  };
};
