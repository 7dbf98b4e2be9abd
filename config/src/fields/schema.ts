import { z } from 'zod';
import { parseCreditCode } from '../validators/credit-code.ts';
import { isIsoDate } from '../validators/date.ts';
import { parseEmail } from '../validators/email.ts';
import { parseIdCard } from '../validators/id-card.ts';
import { parsePhone } from '../validators/phone.ts';
import type { ValidationResult } from '../validators/result.ts';
import { parseUrl } from '../validators/url.ts';
import { fieldMessages } from './messages.ts';
import type { ChoiceField, Field, RowsField, TextField } from './types.ts';

export const DEFAULT_MAX_LENGTH = { text: 100, textarea: 2000 } as const;

/** A string schema whose missing and wrong-type messages name the field. */
const baseString = (field: Field) =>
  z.string({
    error: (issue) =>
      issue.input === undefined || issue.input === null ? fieldMessages.required(field.label) : fieldMessages.wrongType(field.label),
  });

/** Empty optional answers become undefined, as conform's coercion does for FormData. */
const optionalWhenAllowed = <T extends z.ZodType>(field: Field, schema: T) =>
  field.optional ? z.preprocess((value) => (value === '' || value === null ? undefined : value), schema.optional()) : schema;

/**
 * Control characters no keyboard types (NUL among them, which PostgreSQL cannot store in text);
 * a textarea keeps its line breaks and tabs.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
const CONTROL_CHARACTERS = { text: /[\u0000-\u001f\u007f]/, textarea: /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/ } as const;

function textSchema(field: TextField) {
  const max = field.maxLength ?? DEFAULT_MAX_LENGTH[field.type];
  return baseString(field)
    .trim()
    .min(1, fieldMessages.required(field.label))
    .max(max, fieldMessages.tooLong(field.label, max))
    .refine((text) => !CONTROL_CHARACTERS[field.type].test(text), fieldMessages.controlCharacters(field.label));
}

const fromValidator = (field: Field, parse: (input: string) => ValidationResult<unknown>) =>
  baseString(field).transform((input, ctx) => {
    const result = parse(input);
    if (result.ok) return typeof result.value === 'string' ? result.value : input.replace(/\s+/g, '').toUpperCase();
    // An empty required field gets the generic "please enter" message naming the field.
    ctx.addIssue({ code: 'custom', message: input.trim() === '' ? fieldMessages.required(field.label) : result.message });
    return z.NEVER;
  });

const idCardNumber = (input: string): ValidationResult<string> => {
  const result = parseIdCard(input);
  return result.ok ? { ok: true, value: result.value.number } : result;
};

function choiceSchema(field: ChoiceField) {
  const allowed = field.options?.map((option) => option.value);
  const oneOf = z
    .string({ error: () => fieldMessages.choose(field.label) })
    .min(1, fieldMessages.choose(field.label))
    // Options from the CMS (catalog, institutions) are checked against the database, which cannot
    // compare text holding NUL; no option value holds a control character.
    .refine(
      (value) => !CONTROL_CHARACTERS.text.test(value) && (!allowed || allowed.includes(value)),
      fieldMessages.unknownOption(field.label),
    );
  if (field.type !== 'checkboxes') return oneOf;
  // A single ticked box arrives from a form as a string, several as an array.
  return z.preprocess(
    (value) => (typeof value === 'string' ? [value] : value),
    z
      .array(oneOf, { error: () => fieldMessages.chooseAtLeastOne(field.label) })
      .min(1, fieldMessages.chooseAtLeastOne(field.label))
      .max(50, fieldMessages.tooLong(field.label, 50))
      .transform((values) => [...new Set(values)]),
  );
}

/** Rows of columns; a repeated answer in the `uniqueBy` column is reported on the later row. */
function rowsSchema(field: RowsField) {
  const row = z.object(Object.fromEntries(field.columns.map((column) => [column.name, fieldSchema(column)])), {
    error: () => fieldMessages.wrongType(field.rowNoun),
  });
  const count = fieldMessages.rowCount(field.rowNoun, field.minRows, field.maxRows);
  return z
    .array(row, { error: () => count })
    .min(field.minRows, count)
    .max(field.maxRows, count)
    .superRefine((rows, ctx) => {
      const key = field.uniqueBy;
      if (!key) return;
      const seen = new Set<unknown>();
      for (const [i, answers] of rows.entries()) {
        const value = (answers as Record<string, unknown>)[key];
        if (seen.has(value))
          ctx.addIssue({ code: 'custom', path: [i, key], message: fieldMessages.duplicateRow(field.rowNoun, String(value)) });
        seen.add(value);
      }
    });
}

/** The zod schema of one field's answer. */
export function fieldSchema(field: Field): z.ZodType {
  switch (field.type) {
    case 'text':
    case 'textarea':
      return optionalWhenAllowed(field, textSchema(field));
    case 'email':
      return optionalWhenAllowed(field, fromValidator(field, parseEmail));
    case 'phone':
      return optionalWhenAllowed(field, fromValidator(field, parsePhone));
    case 'url':
      return optionalWhenAllowed(field, fromValidator(field, parseUrl));
    case 'idCard':
      return optionalWhenAllowed(field, fromValidator(field, idCardNumber));
    case 'creditCode':
      return optionalWhenAllowed(field, fromValidator(field, parseCreditCode));
    case 'date':
      return optionalWhenAllowed(
        field,
        baseString(field).trim().min(1, fieldMessages.required(field.label)).refine(isIsoDate, fieldMessages.date(field.label)),
      );
    case 'select':
    case 'radios':
    case 'checkboxes':
      return optionalWhenAllowed(field, choiceSchema(field));
    case 'rows':
      return rowsSchema(field);
    case 'consent':
      return z.preprocess(
        (value) => value === true || value === 'true' || value === 'on' || value === 'yes',
        z.literal(true, { error: fieldMessages.consent }),
      );
    default:
      throw new Error(`Unknown field type "${(field as { type: string }).type}" of field "${(field as Field).name}"`);
  }
}
