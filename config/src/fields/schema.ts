import type { z } from 'zod';
import { kindOf } from './kinds/index.ts';
import type { Field } from './types.ts';

export { DEFAULT_MAX_LENGTH } from './kinds/free-text.ts';

/** The zod schema of one field's answer, as its kind builds it. */
export function fieldSchema(field: Field): z.ZodType {
  return kindOf(field).answer(field);
}
