/** 手机号码: checked by validators/phone; personal data, kept out of API answers. */
import type { z } from 'zod';
import { parsePhone } from '../../validators/phone.ts';
import type { FieldKind } from '../kind.ts';
import { formatString, fromValidator, plainDefinition, readString, writeString } from './common.ts';

export const definition = plainDefinition('phone');
export type PhoneField = z.infer<typeof definition>;

export const phone = {
  definition,
  answer: (field) => fromValidator(field, parsePhone),
  attribute: (field) => ({ type: 'string', required: !field.optional, maxLength: 254, private: true }),
  read: readString,
  write: writeString,
  format: formatString,
  sample: () => '13800000000',
  input: () => ({ type: 'tel', inputmode: 'tel', autocomplete: 'tel', maxlength: 20 }),
} satisfies FieldKind<PhoneField>;
