/** 下拉选择: one option from a long list (catalog, institutions). */
import type { z } from 'zod';
import type { FieldKind } from '../kind.ts';
import { choiceDefinition, firstOption, formatChoice, oneOf } from './choice.ts';
import { optionalWhenAllowed, readString, writeString } from './common.ts';

export const definition = choiceDefinition('select');
export type SelectField = z.infer<typeof definition>;

export const select = {
  definition,
  answer: (field) => optionalWhenAllowed(field, oneOf(field)),
  attribute: (field) => ({ type: 'string', required: !field.optional, maxLength: 100 }),
  read: readString,
  write: writeString,
  format: formatChoice,
  sample: firstOption,
  input: () => ({}),
} satisfies FieldKind<SelectField>;
