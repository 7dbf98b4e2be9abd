/** 同意: a notice the person must read and one box to agree (seeds/000 §3.1 申请须知, §3.2 填表说明). */
import { z } from 'zod';
import type { FieldKind } from '../kind.ts';
import { fieldMessages } from '../messages.ts';
import { baseField } from './common.ts';

export const definition = z.object({
  ...baseField,
  type: z.literal('consent'),
  /** The statement the person agrees to (a notice key whose text is shown above the box). */
  statement: z.string().describe('The statement the person agrees to (a notice key whose text is shown above the box).'),
});
export type ConsentField = z.infer<typeof definition>;

export const consent = {
  definition,
  answer: () =>
    z.preprocess(
      (value) => value === true || value === 'true' || value === 'on' || value === 'yes',
      z.literal(true, { error: fieldMessages.consent }),
    ),
  attribute: () => ({ type: 'boolean', required: true, default: false }),
  read: (field, data) => data.get(field.name) === 'on' || data.get(field.name) === 'true',
  write: (field, value) => (value === true ? [[field.name, 'on']] : []),
  format: (_field, value) => (value === true ? '已阅读并同意' : ''),
  sample: () => true,
  input: () => ({}),
} satisfies FieldKind<ConsentField>;
