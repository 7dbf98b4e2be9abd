/** 单选: one option, all shown at once (GOV.UK "Radios"). */
import type { z } from 'zod';
import type { FieldKind } from '../kind.ts';
import { choiceDefinition, firstOption, formatChoice, oneOf } from './choice.ts';
import { optionalWhenAllowed, readString, writeString } from './common.ts';

export const definition = choiceDefinition('radios');
export type RadiosField = z.infer<typeof definition>;

export const radios = {
  definition,
  answer: (field) => optionalWhenAllowed(field, oneOf(field)),
  attribute: (field) => ({ type: 'string', required: !field.optional, maxLength: 100 }),
  read: readString,
  write: writeString,
  format: formatChoice,
  sample: firstOption,
  input: () => ({}),
} satisfies FieldKind<RadiosField>;
