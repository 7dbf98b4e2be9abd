/** 多行文本: research purpose, methods, team members. Keeps line breaks; stored as PostgreSQL text. */
import type { z } from 'zod';
import type { FieldKind } from '../kind.ts';
import { formatString, readString, writeString } from './common.ts';
import { freeTextAnswer, freeTextDefinition, freeTextInput, freeTextSample, maxLengthOf } from './free-text.ts';

export const definition = freeTextDefinition('textarea');
export type TextareaField = z.infer<typeof definition>;

export const textarea = {
  definition,
  answer: freeTextAnswer,
  attribute: (field) => ({ type: 'text', required: !field.optional, maxLength: maxLengthOf(field) }),
  read: readString,
  write: writeString,
  format: formatString,
  sample: freeTextSample,
  input: freeTextInput,
} satisfies FieldKind<TextareaField>;
