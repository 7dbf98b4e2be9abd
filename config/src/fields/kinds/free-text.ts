/** What the two free-text kinds (text, textarea) share: a trimmed answer of bounded length. */
import { z } from 'zod';
import { fieldMessages } from '../messages.ts';
import { baseField, baseString, CONTROL_CHARACTERS, optionalWhenAllowed } from './common.ts';

export const DEFAULT_MAX_LENGTH = { text: 100, textarea: 2000 } as const;

/** The definition of a free-text kind: its own length limit and browser autofill hint. */
export const freeTextDefinition = <T extends 'text' | 'textarea'>(type: T) =>
  z.object({
    ...baseField,
    type: z.literal(type),
    /** Most characters accepted; DEFAULT_MAX_LENGTH when left out. */
    maxLength: z.number().int().positive().optional().describe('Most characters accepted; DEFAULT_MAX_LENGTH when left out.'),
    /** The HTML autocomplete token (e.g. `name`), so browsers can fill it in. */
    autocomplete: z.string().optional().describe('The HTML autocomplete token (e.g. `name`), so browsers can fill it in.'),
  });

type FreeTextField = z.infer<ReturnType<typeof freeTextDefinition<'text' | 'textarea'>>>;

export const maxLengthOf = (field: FreeTextField) => field.maxLength ?? DEFAULT_MAX_LENGTH[field.type];

export function freeTextAnswer(field: FreeTextField) {
  const max = maxLengthOf(field);
  return optionalWhenAllowed(
    field,
    baseString(field)
      .trim()
      .min(1, fieldMessages.required(field.label))
      .max(max, fieldMessages.tooLong(field.label, max))
      .refine((text) => !CONTROL_CHARACTERS[field.type].test(text), fieldMessages.controlCharacters(field.label)),
  );
}

/** `required` is left off the element on purpose: the server's message next to the field is clearer than the browser's bubble (GOV.UK "Validation"). */
export const freeTextInput = (field: FreeTextField) => ({
  maxlength: maxLengthOf(field),
  ...(field.autocomplete && { autocomplete: field.autocomplete }),
});

/** An answer marked （示例） that names its question, so a preview shows which answer lands where. */
export const freeTextSample = (field: FreeTextField) => `（示例）${field.label}`;
