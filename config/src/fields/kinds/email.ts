/** 电子邮箱: checked by validators/email; personal data, kept out of API answers. The sample is a reserved example domain (RFC 2606). */
import type { z } from 'zod';
import { parseEmail } from '../../validators/email.ts';
import type { FieldKind } from '../kind.ts';
import { formatString, fromValidator, plainDefinition, readString, writeString } from './common.ts';

export const definition = plainDefinition('email');
export type EmailField = z.infer<typeof definition>;

export const email = {
  definition,
  answer: (field) => fromValidator(field, parseEmail),
  attribute: (field) => ({ type: 'string', required: !field.optional, maxLength: 254, private: true }),
  read: readString,
  write: writeString,
  format: formatString,
  sample: () => 'applicant@example.com',
  input: () => ({ type: 'email', inputmode: 'email', autocomplete: 'email', spellcheck: false, maxlength: 254 }),
} satisfies FieldKind<EmailField>;
