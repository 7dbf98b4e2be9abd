/**
 * The types of field definitions, inferred from each kind's definition schema
 * (kinds/<kind>.ts), and the form that holds them.
 */
import type { CheckboxesField } from './kinds/checkboxes.ts';
import type { CreditCodeField } from './kinds/credit-code.ts';
import type { DateField } from './kinds/date.ts';
import type { EmailField } from './kinds/email.ts';
import type { IdCardField } from './kinds/id-card.ts';
import type { Field } from './kinds/index.ts';
import type { PhoneField } from './kinds/phone.ts';
import type { RadiosField } from './kinds/radios.ts';
import type { SelectField } from './kinds/select.ts';
import type { TextLineField } from './kinds/text.ts';
import type { TextareaField } from './kinds/textarea.ts';
import type { UrlField } from './kinds/url.ts';
import type { FormRule } from './rules.ts';

export type { OptionSource } from './kinds/choice.ts';
export type { FieldOption } from './kinds/common.ts';
export type { ConsentField } from './kinds/consent.ts';
export type { Field, FieldType } from './kinds/index.ts';
export type { ColumnField, RowsField } from './kinds/rows.ts';
export type { FormRule } from './rules.ts';

export type TextField = TextLineField | TextareaField;
export type FormattedField = EmailField | PhoneField | UrlField | IdCardField | CreditCodeField | DateField;
export type ChoiceField = SelectField | RadiosField | CheckboxesField;

/**
 * Files that go with a submission, in the same request (stored with it or not at all). The check
 * step asks for them: a plain POST cannot carry a chosen file from one step to the next.
 */
export interface FormUpload {
  /** The multipart part's name, and the stored attachment's purpose. */
  name: string;
  label: string;
  /** Only a PDF will do (a published full text); otherwise PDF, JPEG or PNG. */
  pdfOnly: boolean;
  /** How many files may be chosen at once under this name (1 when not said). */
  max?: number;
}

/** A public form: its id, title and fields, in order, and the rules that tie fields together. */
export interface FormDefinition<F extends readonly Field[] = readonly Field[]> {
  id: string;
  title: string;
  /** Which field holds the applicant's phone (the query page's key) and name. */
  phoneField: string;
  applicantField: string;
  /** Where decisions are emailed to, when the form asks for an email address. */
  emailField?: string;
  fields: F;
  /** Checks across fields (a period's end after its start), run once every answer is valid. */
  rules?: readonly FormRule<F[number]['name']>[];
  /** The check-answers page's submit button, in the seed's words (seeds/000 §3.2: 提交机构申请). */
  submitLabel?: string;
  /** What happens on submitting, above that button: true of this form only. */
  submitNote?: string;
  /** Files asked for on the check step, each optional, sent with the answers. */
  uploads?: readonly FormUpload[];
}
