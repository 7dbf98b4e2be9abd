import type { z } from 'zod';
import type { FormDefinition } from '../fields/types.ts';
import * as changeApplication from './change-application.ts';
import * as dataApplication from './data-application.ts';
import * as institution from './institution.ts';
import * as outcome from './outcome.ts';

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

/** The direct-reporting forms (seeds/004): not microdata submissions, so not in `forms`. */
export * from './agency.ts';
export * from './agency-list.ts';
export * from './statistician.ts';
