/** 网址: checked by validators/url, which adds https:// when it is left out. The sample is a reserved example domain (RFC 2606). */
import type { z } from 'zod';
import { parseUrl } from '../../validators/url.ts';
import type { FieldKind } from '../kind.ts';
import { formatString, fromValidator, plainDefinition, readString, writeString } from './common.ts';

export const definition = plainDefinition('url');
export type UrlField = z.infer<typeof definition>;

export const url = {
  definition,
  answer: (field) => fromValidator(field, parseUrl),
  attribute: (field) => ({ type: 'string', required: !field.optional, maxLength: 254 }),
  read: readString,
  write: writeString,
  format: formatString,
  sample: () => 'https://www.example.edu.cn',
  input: () => ({ type: 'url', inputmode: 'url', autocomplete: 'url', spellcheck: false, maxlength: 300 }),
} satisfies FieldKind<UrlField>;
