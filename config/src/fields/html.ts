import { kindOf } from './kinds/index.ts';
import type { Field } from './types.ts';

/** HTML attributes of a field's input, from its definition: constraints that work without JavaScript. */
export interface InputAttributes {
  type?: string;
  inputmode?: 'text' | 'tel' | 'email' | 'url' | 'numeric';
  autocomplete?: string;
  maxlength?: number;
  required?: boolean;
  spellcheck?: boolean;
  pattern?: string;
}

/**
 * The attributes for a field's input, as its kind gives them. `required` is deliberately left off
 * the element: the server's message next to the field is clearer than the browser's bubble
 * (GOV.UK "Validation").
 */
export function inputAttributes(field: Field): InputAttributes {
  return kindOf(field).input(field);
}
