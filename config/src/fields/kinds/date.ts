/** 日期: an ISO 8601 calendar date (2026-12-01), the browser's date picker where there is one. */
import type { z } from 'zod';
import { isIsoDate } from '../../validators/date.ts';
import type { FieldKind } from '../kind.ts';
import { fieldMessages } from '../messages.ts';
import { baseString, formatString, optionalWhenAllowed, plainDefinition, readString, writeString } from './common.ts';

export const definition = plainDefinition('date');
export type DateField = z.infer<typeof definition>;

export const date = {
  definition,
  answer: (field) =>
    optionalWhenAllowed(
      field,
      baseString(field).trim().min(1, fieldMessages.required(field.label)).refine(isIsoDate, fieldMessages.date(field.label)),
    ),
  attribute: (field) => ({ type: 'date', required: !field.optional }),
  read: readString,
  write: writeString,
  format: formatString,
  sample: () => '2026-12-01',
  input: () => ({ type: 'date' }),
} satisfies FieldKind<DateField>;
