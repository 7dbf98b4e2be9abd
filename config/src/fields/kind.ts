import type { z } from 'zod';
import type { InputAttributes } from './html.ts';
import type { FieldOption } from './kinds/common.ts';

/** A Strapi content-type attribute (schema.json `attributes.<name>`), as generated from a field. */
export type StrapiAttribute = Record<string, unknown>;

/**
 * Everything one field kind knows, in one module (alphagov/forms-runner's one class per answer
 * type): how a form declares it, how its answer is checked, stored, read from a post, carried
 * between steps, printed and sampled. `config/src/fields/kinds/index.ts` collects them.
 */
export interface FieldKind<F extends { name: string; label: string }> {
  /** How a form declares a field of this kind; the field's type is inferred from it. */
  definition: z.ZodType<F>;
  /** The zod schema of one answer, messages naming the field. */
  answer(field: F): z.ZodType;
  /** Where the answer lives in PostgreSQL: the Strapi attribute `npm run generate` writes. */
  attribute(field: F): StrapiAttribute;
  /** The answer as posted in a form, before validation (conform's coerceFormValue, in spirit). */
  read(field: F, data: FormData): unknown;
  /** The answer as the name/value pairs of hidden inputs, carried between steps. */
  write(field: F, value: unknown): Array<[string, string]>;
  /** A non-empty answer as people read it: check answers, print, exports, emails. */
  format(field: F, value: unknown, options: readonly FieldOption[]): string;
  /** A valid example answer, for template previews and load tests. */
  sample(field: F): unknown;
  /** HTML attributes of its input: constraints that work without JavaScript. */
  input(field: F): InputAttributes;
}
