import { batchErrors, t } from '@statdesk/config';
import type { z } from 'zod';
import { invalidFields } from './http-errors';

/**
 * A request body that must be an array of items of one schema, checked whole before anything is
 * written: every refused item is answered at once, keyed `3.closesAt`, and nothing is stored.
 */
export function parsedBatch<S extends z.ZodType>(input: unknown, schema: S, max: number): Array<z.output<S>> {
  if (!Array.isArray(input)) throw invalidFields({ _body: t('directReport.calendar.notArray') });
  if (input.length > max) throw invalidFields({ _body: t('directReport.calendar.tooMany', { max }) });
  const errors = batchErrors(input, schema);
  if (Object.keys(errors).length > 0) throw invalidFields(errors);
  return input.map((item) => schema.parse(item));
}

/** Refuses a batch that names one natural key twice (the second would silently win). */
export function refuseRepeatedKeys<T>(items: T[], keyOf: (item: T) => string, field: string, message: (item: T) => string): void {
  const seen = new Set<string>();
  const errors: Record<string, string> = {};
  for (const [i, item] of items.entries()) {
    const key = keyOf(item);
    if (seen.has(key)) errors[`${i}.${field}`] = message(item);
    seen.add(key);
  }
  if (Object.keys(errors).length > 0) throw invalidFields(errors);
}
