/** 下拉选择: one option from a list (catalog, institutions); a long list may be searchable. */
import { z } from 'zod';
import type { FieldKind } from '../kind.ts';
import { choiceDefinition, singleChoiceKind } from './choice.ts';
import { readString } from './common.ts';

const single = singleChoiceKind('select');

export const definition = choiceDefinition('select').extend({
  /**
   * Typed into and filtered as the person types (a text box with a list of suggestions, which
   * browsers filter without JavaScript), for lists too long to scroll: the approved institutions.
   */
  searchable: z.boolean().optional().describe('Typed into and filtered as the person types, for lists too long to scroll.'),
});
export type SelectField = z.infer<typeof definition>;

/** A suggestion reads "label（value）": the value is what is posted when one was picked. */
const PICKED = /（([^（）]+)）\s*$/;

/** The chosen option's value: what was picked from the suggestions, or the text as typed. */
export const readSearchable = (field: SelectField, data: FormData): string => {
  const typed = readString(field, data);
  return field.searchable ? (PICKED.exec(typed)?.[1] ?? typed.trim()) : typed;
};

export const select = {
  ...single,
  definition,
  read: readSearchable,
} satisfies FieldKind<SelectField>;
