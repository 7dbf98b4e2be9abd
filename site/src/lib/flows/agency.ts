import {
  type AgencyValues,
  activeLocale,
  agencyDocuments,
  agencyFormIn,
  agencyListUploads,
  agencySchemaIn,
  agencyUploadLabel,
  delegatorListTypes,
  letterUpload,
  t,
} from '@statdesk/config';
import { registerAgency, resubmitAgency } from '../cms/agencies';
import type { Refusal } from '../cms/errors';
import { chosenFile, type FlowSpec, type Upload } from '../form-flow';

const typedDelegators = (values: Record<string, unknown>) => (values.delegators as AgencyValues['delegators'] | undefined) ?? [];

/** The file chooser offers the list's two kinds, by extension and by content type. */
const LIST_ACCEPT = [...Object.keys(delegatorListTypes).map((extension) => `.${extension}`), ...Object.values(delegatorListTypes)].join(
  ',',
);

/**
 * The list of enterprises as a file and the one file of their letters (seeds/004 §七: 清单电子文本):
 * beside a few typed enterprises the list may be left out; with none typed it is the answer.
 */
const listUploads = (typed: number): Upload[] => {
  const format = t('site.agency.listFormat');
  return [
    {
      ...agencyListUploads.list,
      label: agencyUploadLabel(agencyListUploads.list, activeLocale()),
      accept: LIST_ACCEPT,
      hint: typed > 0 ? t('site.agency.listOptional', { format }) : t('site.agency.listNeeded', { format }),
      ...(typed > 0 && { optional: true }),
    },
    {
      ...agencyListUploads.letters,
      label: agencyUploadLabel(agencyListUploads.letters, activeLocale()),
      hint: t('site.agency.listLetters'),
    },
  ];
};

const documentsOf = (values: Record<string, unknown>): Upload[] => [
  ...agencyDocuments.map((d) => ({ name: d.name, label: agencyUploadLabel(d, activeLocale()) })),
  ...typedDelegators(values).map((d, i) => ({
    name: letterUpload(i),
    label: t('site.agency.letterLabel', { name: d.name || t('site.agency.nthEnterprise', { n: i + 1 }) }),
  })),
  ...listUploads(typedDelegators(values).length),
];

/** The documents the person chose on the check step, by upload name. */
const chosenFiles = (values: Record<string, unknown>, data: FormData) =>
  documentsOf(values).flatMap(({ name }) => {
    const file = data.get(name);
    return chosenFile(file) ? [{ name, file }] : [];
  });

/**
 * With no enterprise typed, what is missing is the list: the service's message goes next to the
 * file field, where the person can give it, instead of sending them back to the questions.
 */
const onListField = (refusal: Refusal, values: Record<string, unknown>): Refusal => {
  const { delegators: message, ...others } = refusal.fields;
  if (!message || typedDelegators(values).length > 0) return refusal;
  return { ...refusal, fields: { ...others, [agencyListUploads.list.name]: message } };
};

/** 统计代理机构登记 (seeds/004 §七): the documents are asked for once the list of enterprises is final. */
export const agencyFlow: FlowSpec = {
  id: 'agency',
  // Getters: the page's language is the request's (site/src/middleware.ts).
  get form() {
    return agencyFormIn(activeLocale());
  },
  get schema() {
    return agencySchemaIn(activeLocale()) as never;
  },
  uploads: documentsOf,
  async send(values, data) {
    const answer = await registerAgency(values, chosenFiles(values, data));
    if (!answer.ok) return onListField(answer, values);
    return {
      ok: true,
      confirmation: { kind: 'agency', applicationNo: answer.data.registrationNo, queryPassword: answer.data.queryPassword },
    };
  },
  confirmationPath: '/agencies/registered',
};

/**
 * A refused registration supplemented and sent back, under its number, to the level that refused
 * it (seeds/004 §七); documents left empty keep the ones already submitted (a list, its
 * enterprises too). Back on the look-up, the agency reads its new status.
 */
export const agencyResubmitFlow = (token: string): FlowSpec => ({
  ...agencyFlow,
  // A list sent before stays unless replaced (the CMS reads it again), so here it is never asked for.
  uploads: (values) =>
    documentsOf(values).map((upload) =>
      upload.name === agencyListUploads.list.name
        ? { ...upload, optional: true, hint: t('site.agencyResubmit.listKept', { format: t('site.agency.listFormat') }) }
        : upload,
    ),
  async send(values, data) {
    const answer = await resubmitAgency(token, values, chosenFiles(values, data));
    if (!answer.ok) return onListField(answer, values);
    return { ok: true, confirmation: { kind: 'agency-resubmitted', applicationNo: answer.data.agency.registrationNo } };
  },
  confirmationPath: '/agencies/lookup',
});
