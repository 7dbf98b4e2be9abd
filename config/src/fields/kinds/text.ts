/** 单行文本: a name, a title, an address. Stored as a bounded string. */
import type { z } from 'zod';
import type { FieldKind } from '../kind.ts';
import { formatString, readString, stringAttribute, writeString } from './common.ts';
import { freeTextAnswer, freeTextDefinition, freeTextInput, freeTextSample, maxLengthOf } from './free-text.ts';

export const definition = freeTextDefinition('text');
export type TextLineField = z.infer<typeof definition>;

export const text = {
  definition,
  answer: freeTextAnswer,
  attribute: (field) => stringAttribute(field, maxLengthOf(field)),
  read: readString,
  write: writeString,
  format: formatString,
  sample: freeTextSample,
  input: freeTextInput,
} satisfies FieldKind<TextLineField>;
