import { DEFAULT_MAX_LENGTH } from './schema.ts';
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
 * The attributes for a text-like input. `required` is deliberately left off the element: the
 * server's message next to the field is clearer than the browser's bubble (GOV.UK "Validation").
 */
export function inputAttributes(field: Field): InputAttributes {
  switch (field.type) {
    case 'text':
    case 'textarea':
      return {
        maxlength: field.maxLength ?? DEFAULT_MAX_LENGTH[field.type],
        ...(field.autocomplete && { autocomplete: field.autocomplete }),
      };
    case 'email':
      return { type: 'email', inputmode: 'email', autocomplete: 'email', spellcheck: false, maxlength: 254 };
    case 'phone':
      return { type: 'tel', inputmode: 'tel', autocomplete: 'tel', maxlength: 20 };
    case 'url':
      return { type: 'url', inputmode: 'url', autocomplete: 'url', spellcheck: false, maxlength: 300 };
    case 'idCard':
      return { inputmode: 'text', autocomplete: 'off', spellcheck: false, maxlength: 22 };
    case 'creditCode':
      return { inputmode: 'text', autocomplete: 'off', spellcheck: false, maxlength: 22 };
    case 'date':
      return { type: 'date' };
    default:
      return {};
  }
}
