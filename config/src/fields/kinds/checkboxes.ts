/** 多选: several options (GOV.UK "Checkboxes"), stored as a JSON array of their values. */
import { z } from 'zod';
import type { FieldKind } from '../kind.ts';
import { fieldMessages } from '../messages.ts';
import { choiceDefinition, formatChoice, oneOf } from './choice.ts';
import { optionalWhenAllowed, writeString } from './common.ts';

export const definition = choiceDefinition('checkboxes');
export type CheckboxesField = z.infer<typeof definition>;

export const checkboxes = {
  definition,
  answer: (field) =>
    optionalWhenAllowed(
      field,
      // A single ticked box arrives from a form as a string, several as an array.
      z.preprocess(
        (value) => (typeof value === 'string' ? [value] : value),
        z
          .array(oneOf(field), { error: () => fieldMessages.chooseAtLeastOne(field.label) })
          .min(1, fieldMessages.chooseAtLeastOne(field.label))
          .max(50, fieldMessages.tooLong(field.label, 50))
          .transform((values) => [...new Set(values)]),
      ),
    ),
  attribute: (field) => ({ type: 'json', required: !field.optional }),
  read: (field, data) => data.getAll(field.name).map(String),
  write: (field, value) => (Array.isArray(value) ? value.map((v): [string, string] => [field.name, String(v)]) : writeString(field, value)),
  format: formatChoice,
  sample: (field) => (field.options?.[0] ? [field.options[0].value] : ['示例']),
  input: () => ({}),
} satisfies FieldKind<CheckboxesField>;
