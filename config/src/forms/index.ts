import type { z } from 'zod';
import { buildFormSchema } from '../fields/form-schema.ts';
import type { FormDefinition } from '../fields/types.ts';
import { type Locale, withLocale } from '../i18n/messages.ts';
import { agencyForm, agencySchema } from './agency.ts';
import * as changeApplication from './change-application.ts';
import * as dataApplication from './data-application.ts';
import { agencyEnglish, type FormEnglish, formsEnglish, localizeForm, printedForm, statisticianEnglish } from './en.ts';
import * as institution from './institution.ts';
import * as outcome from './outcome.ts';
import { statisticianForm, statisticianSchema } from './statistician.ts';

export { dataApplicationUploads, MAX_ATTACHMENTS } from './data-application.ts';
export { outcomeUploads } from './outcome.ts';
export { changeApplication, dataApplication, institution, outcome };

/** Every public microdata form, by id. */
export const forms = {
  institution: institution.form,
  'data-application': dataApplication.form,
  'change-application': changeApplication.form,
  outcome: outcome.form,
} as const satisfies Record<string, FormDefinition>;

export type FormId = keyof typeof forms;
export const isFormId = (id: string): id is FormId => Object.hasOwn(forms, id);

/** Every form's schema, by form id: what the API and the site both validate with. */
export const formSchemas: Record<FormId, z.ZodType<Record<string, unknown>>> = {
  institution: institution.schema,
  'data-application': dataApplication.schema,
  'change-application': changeApplication.schema,
  outcome: outcome.schema,
};

export {
  agencyEnglish,
  type FieldEnglish,
  type FormEnglish,
  formsEnglish,
  localizeForm,
  printedForm,
  statisticianEnglish,
} from './en.ts';

/** A public form in `locale`: labels, hints, options and rule messages in that language. */
export const formIn = (id: FormId, locale: Locale): FormDefinition => localizeForm(forms[id], locale, formsEnglish[id]);

/** A public form as printed for an application made in `locale` (in English: English and Chinese side by side). */
export const printedFormIn = (id: FormId, locale: Locale): FormDefinition => printedForm(forms[id], locale, formsEnglish[id]);

const englishSchemas = new Map<string, z.ZodType<Record<string, unknown>>>();

/**
 * The schema whose safeParse runs with t() fixed to `locale`: some messages are made while parsing,
 * and zod makes them only when the result's error is first read, so it is read here.
 */
function parsingIn<S extends z.ZodType>(schema: S, locale: Locale): S {
  const safeParse = (input: unknown) =>
    withLocale(locale, () => {
      const result = schema.safeParse(input);
      for (const issue of result.error?.issues ?? []) void issue.message;
      return result;
    });
  return Object.assign(Object.create(schema) as S, { safeParse });
}

/**
 * A form's schema in `locale`: its messages name the fields in that language. A schema makes some
 * messages when built and others when parsing, so the English one is built and parses with t() fixed to English.
 */
function schemaIn(form: FormDefinition, english: FormEnglish, zhCN: z.ZodType, locale: Locale): z.ZodType<Record<string, unknown>> {
  if (locale === 'zh-CN') return zhCN as z.ZodType<Record<string, unknown>>;
  let schema = englishSchemas.get(form.id);
  if (!schema) {
    const built = withLocale(
      locale,
      () => buildFormSchema(localizeForm(form, locale, english)) as unknown as z.ZodType<Record<string, unknown>>,
    );
    schema = parsingIn(built, locale);
    englishSchemas.set(form.id, schema);
  }
  return schema;
}

export const formSchemaIn = (id: FormId, locale: Locale) => schemaIn(forms[id], formsEnglish[id], formSchemas[id], locale);

/** The direct-reporting forms (seeds/004 §七, §十) in `locale`, and their schemas. */
export const statisticianFormIn = (locale: Locale): FormDefinition => localizeForm(statisticianForm, locale, statisticianEnglish);
// The same fields in other words: the same shape as the zh-CN schema.
export const statisticianSchemaIn = (locale: Locale) =>
  schemaIn(statisticianForm, statisticianEnglish, statisticianSchema, locale) as unknown as typeof statisticianSchema;
export const agencyFormIn = (locale: Locale): FormDefinition => localizeForm(agencyForm, locale, agencyEnglish);
export const agencySchemaIn = (locale: Locale) =>
  schemaIn(agencyForm, agencyEnglish, agencySchema, locale) as unknown as typeof agencySchema;

/** An agency document's name (seeds/004 §七) in `locale`. */
export const agencyUploadLabel = (upload: { name: string; label: string }, locale: Locale): string =>
  locale === 'zh-CN' ? upload.label : (agencyEnglish.uploads?.[upload.name] ?? upload.label);

/** The direct-reporting forms (seeds/004): not microdata submissions, so not in `forms`. */
export * from './agency.ts';
export * from './agency-list.ts';
export * from './statistician.ts';
