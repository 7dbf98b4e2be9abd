/**
 * Every field kind, by the `type` a form gives a field: the one table that says which kinds
 * exist. Adding a kind is a module here, a line below, and its component in
 * site/src/components/fields/index.ts.
 */
import { z } from 'zod';
import type { FieldKind } from '../kind.ts';
import { checkboxes } from './checkboxes.ts';
import { consent } from './consent.ts';
import { creditCode } from './credit-code.ts';
import { date } from './date.ts';
import { email } from './email.ts';
import { idCard } from './id-card.ts';
import { phone } from './phone.ts';
import { radios } from './radios.ts';
import { rows } from './rows.ts';
import { select } from './select.ts';
import { text } from './text.ts';
import { textarea } from './textarea.ts';
import { url } from './url.ts';

const kinds = { text, textarea, email, phone, url, idCard, creditCode, date, select, radios, checkboxes, consent, rows };

/** How a form declares any field: one definition per kind, told apart by `type`. */
export const fieldDefinition = z.discriminatedUnion('type', [
  text.definition,
  textarea.definition,
  email.definition,
  phone.definition,
  url.definition,
  idCard.definition,
  creditCode.definition,
  date.definition,
  select.definition,
  radios.definition,
  checkboxes.definition,
  consent.definition,
  rows.definition,
]);
export type Field = z.infer<typeof fieldDefinition>;
export type FieldType = Field['type'];

/** Each kind's module, by type; `satisfies` makes a kind missing here a type error. */
export const fieldKinds = kinds satisfies { [K in FieldType]: FieldKind<Extract<Field, { type: K }>> };

export const isFieldType = (type: string): type is FieldType => Object.hasOwn(fieldKinds, type);

/** The module of a field's kind; throws naming the field when no kind has its type. */
export function kindOf<F extends Field>(field: F): FieldKind<F> {
  if (!isFieldType(field.type)) throw new Error(`Unknown field type "${field.type}" of field "${field.name}"`);
  return fieldKinds[field.type] as unknown as FieldKind<F>;
}
