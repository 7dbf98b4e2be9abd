/** What the three choice kinds (select, radios, checkboxes) share: options fixed or from the CMS. */
import { z } from 'zod';
import type { FieldKind } from '../kind.ts';
import { fieldMessages } from '../messages.ts';
import { baseField, CONTROL_CHARACTERS, type FieldOption, fieldOption, optionalWhenAllowed, readString, writeString } from './common.ts';

/** Where a choice field's options come from when they are not fixed in the form. */
export const optionSource = z.enum(['catalog', 'institutions']);
export type OptionSource = z.infer<typeof optionSource>;

export const choiceDefinition = <T extends 'select' | 'radios' | 'checkboxes'>(type: T) =>
  z.object({
    ...baseField,
    type: z.literal(type),
    /** Fixed options; a field with `source` gets them from the CMS at run time instead. */
    options: z
      .array(fieldOption)
      .readonly()
      .optional()
      .describe('Fixed options; a field with `source` gets them from the CMS at run time instead.'),
    /** Where the options come from when they are not fixed here. */
    source: optionSource.optional().describe('Where the options come from when they are not fixed here.'),
  });

type ChoiceOf = z.infer<ReturnType<typeof choiceDefinition<'select' | 'radios' | 'checkboxes'>>>;

/** One chosen option, which must be one of the fixed options when there are any. */
export function oneOf(field: ChoiceOf) {
  const allowed = field.options?.map((option) => option.value);
  return (
    z
      .string({ error: () => fieldMessages.choose(field.label) })
      .min(1, fieldMessages.choose(field.label))
      // Options from the CMS (catalog, institutions) are checked against the database, which cannot
      // compare text holding NUL; no option value holds a control character.
      .refine(
        (value) => !CONTROL_CHARACTERS.text.test(value) && (!allowed || allowed.includes(value)),
        fieldMessages.unknownOption(field.label),
      )
  );
}

/** An option's label, from the form's fixed options or the CMS's; an unknown value reads as itself. */
export const labelOf = (field: ChoiceOf, options: readonly FieldOption[], value: unknown): string =>
  [...(field.options ?? []), ...options].find((option) => option.value === String(value))?.label ?? String(value);

/** One answer, or several joined by 、, as their labels. */
export const formatChoice = (field: ChoiceOf, value: unknown, options: readonly FieldOption[]): string =>
  Array.isArray(value) ? value.map((v) => labelOf(field, options, v)).join('、') : labelOf(field, options, value);

/** The first option, so that a preview shows a real label. */
export const firstOption = (field: ChoiceOf): string => field.options?.[0]?.value ?? '示例';

/**
 * A kind whose answer is one option (select and radios differ only in how they are shown): stored
 * as a string, printed as the option's label.
 */
export function singleChoiceKind<T extends 'select' | 'radios'>(type: T) {
  const definition = choiceDefinition(type);
  return {
    definition,
    answer: (field) => optionalWhenAllowed(field, oneOf(field)),
    attribute: (field) => ({ type: 'string', required: !field.optional, maxLength: 100 }),
    read: readString,
    write: writeString,
    format: formatChoice,
    sample: firstOption,
    input: () => ({}),
  } satisfies FieldKind<z.infer<typeof definition>>;
}
