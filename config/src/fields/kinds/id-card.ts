/** 居民身份证号码 (GB 11643-1999): checked by validators/id-card, stored as the bare 18 characters. The sample is the standard’s own check-digit-valid example. */
import type { z } from 'zod';
import { parseIdCard } from '../../validators/id-card.ts';
import type { ValidationResult } from '../../validators/result.ts';
import type { FieldKind } from '../kind.ts';
import { formatString, fromValidator, plainDefinition, readString, writeString } from './common.ts';

export const definition = plainDefinition('idCard');
export type IdCardField = z.infer<typeof definition>;

/** The bare number, not the birth date and sex the validator also reads from it. */
const idCardNumber = (input: string): ValidationResult<string> => {
  const result = parseIdCard(input);
  return result.ok ? { ok: true, value: result.value.number } : result;
};

export const idCard = {
  definition,
  answer: (field) => fromValidator(field, idCardNumber),
  // Personal data: never in an API response (DESIGN.md), and hidden from roles that do not need it.
  attribute: (field) => ({ type: 'string', required: !field.optional, maxLength: 18, private: true }),
  read: readString,
  write: writeString,
  format: formatString,
  sample: () => '11010519491231002X',
  input: () => ({ inputmode: 'text', autocomplete: 'off', spellcheck: false, maxlength: 22 }),
} satisfies FieldKind<IdCardField>;
