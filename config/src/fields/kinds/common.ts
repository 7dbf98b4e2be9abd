/**
 * Building blocks the field kinds share: the part of a definition every field has, the string
 * schema whose messages name the field, and reading and writing one plain answer.
 */
import { z } from 'zod';
import type { ValidationResult } from '../../validators/result.ts';
import { fieldMessages } from '../messages.ts';

/** One option of a choice field. */
export const fieldOption = z.object({
  /** What is posted and stored. */
  value: z.string().describe('What is posted and stored.'),
  /** What the person reads, zh-CN. */
  label: z.string().describe('What the person reads, zh-CN.'),
});
export type FieldOption = z.infer<typeof fieldOption>;

/** The part of a definition every field kind has. */
export const baseField = {
  /** Name in the JSON body, the HTML form and the database (camelCase). */
  name: z.string().describe('Name in the JSON body, the HTML form and the database (camelCase).'),
  /** Visible label, zh-CN. */
  label: z.string().describe('Visible label, zh-CN.'),
  /** Hint shown under the label. */
  hint: z.string().optional().describe('Hint shown under the label.'),
  /** Optional fields say so next to their label. */
  optional: z.boolean().optional().describe('Optional fields say so next to their label.'),
  /** Section heading this field sits under, on the page and the printed form. */
  section: z.string().optional().describe('Section heading this field sits under, on the page and the printed form.'),
  /**
   * A person's name or other personal information (个人信息保护法 §4) beyond the kinds that
   * always are (ID number, phone, email): admin roles without a need do not see it.
   */
  personal: z.boolean().optional().describe('Personal information beyond ID numbers, phones and emails (个人信息保护法 §4).'),
};

/** What the shared helpers need of a field. */
export interface NamedField {
  name: string;
  label: string;
  optional?: boolean | undefined;
}

/** A string schema whose missing and wrong-type messages name the field. */
export const baseString = (field: NamedField) =>
  z.string({
    error: (issue) =>
      issue.input === undefined || issue.input === null ? fieldMessages.required(field.label) : fieldMessages.wrongType(field.label),
  });

/** Empty optional answers become undefined, as conform's coercion does for FormData. */
export const optionalWhenAllowed = <T extends z.ZodType>(field: NamedField, schema: T) =>
  field.optional ? z.preprocess((value) => (value === '' || value === null ? undefined : value), schema.optional()) : schema;

/**
 * Control characters no keyboard types (NUL among them, which PostgreSQL cannot store in text);
 * a textarea keeps its line breaks and tabs.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
export const CONTROL_CHARACTERS = { text: /[\u0000-\u001f\u007f]/, textarea: /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/ } as const;

/** An answer checked by one of config/src/validators, stored as the validator normalised it. */
export const fromValidator = (field: NamedField, parse: (input: string) => ValidationResult<unknown>) =>
  optionalWhenAllowed(
    field,
    baseString(field).transform((input, ctx) => {
      const result = parse(input);
      if (result.ok) return typeof result.value === 'string' ? result.value : input.replace(/\s+/g, '').toUpperCase();
      // An empty required field gets the generic "please enter" message naming the field.
      ctx.addIssue({ code: 'custom', message: input.trim() === '' ? fieldMessages.required(field.label) : result.message });
      return z.NEVER;
    }),
  );

/** One posted string, or '' when nothing (or a file) was posted. Nothing is trimmed: what was typed is shown back. */
export const readString = (field: NamedField, data: FormData): string => {
  const value = data.get(field.name);
  return typeof value === 'string' ? value : '';
};

/** One plain answer as a hidden input; an empty answer is not carried. */
export const writeString = (field: NamedField, value: unknown): Array<[string, string]> =>
  typeof value === 'string' && value !== '' ? [[field.name, value]] : [];

/** A plain answer reads as typed. */
export const formatString = (_field: NamedField, value: unknown): string => String(value);

/** The attribute of a short string answer. */
export const stringAttribute = (field: NamedField, maxLength: number) => ({ type: 'string', required: !field.optional, maxLength });

/** The definition of a kind that has nothing to declare beyond the common part (email, phone, …). */
export const plainDefinition = <T extends string>(type: T) => z.object({ ...baseField, type: z.literal(type) });
