/** 统一社会信用代码 (GB 32100-2015): checked by validators/credit-code, stored in capitals without spaces. */
import type { z } from 'zod';
import { parseCreditCode } from '../../validators/credit-code.ts';
import type { FieldKind } from '../kind.ts';
import { formatString, fromValidator, plainDefinition, readString, writeString } from './common.ts';

export const definition = plainDefinition('creditCode');
export type CreditCodeField = z.infer<typeof definition>;

export const creditCode = {
  definition,
  answer: (field) => fromValidator(field, parseCreditCode),
  attribute: (field) => ({ type: 'string', required: !field.optional, maxLength: 254 }),
  read: readString,
  write: writeString,
  format: formatString,
  sample: () => '91510100MA61R8XK36',
  input: () => ({ inputmode: 'text', autocomplete: 'off', spellcheck: false, maxlength: 22 }),
} satisfies FieldKind<CreditCodeField>;
