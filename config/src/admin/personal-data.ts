import type { FormDefinition } from '../fields/types.ts';

/** Field types that always hold personal information: ID numbers, phones and email addresses. */
const PERSONAL_TYPES: ReadonlySet<string> = new Set(['idCard', 'phone', 'email']);

/**
 * The fields of a form that identify a person (个人信息保护法 §4): the personal types, the
 * applicant's name and whatever the form marks `personal`. Roles that do not need them do not see them.
 */
export function personalFieldNames(form: FormDefinition): string[] {
  return form.fields
    .filter((field) => PERSONAL_TYPES.has(field.type) || field.personal === true || field.name === form.applicantField)
    .map((field) => field.name);
}
