import { z } from 'zod';
import { isFieldType } from './kinds/index.ts';
import { fieldSchema } from './schema.ts';
import type { ChoiceField, ConsentField, Field, FormattedField, FormDefinition, FormRule, RowsField, TextField } from './types.ts';

/** The value type one field's schema produces. */
type AnswerOf<F> = F extends RowsField
  ? Array<FormValues<F['columns']>>
  : F extends ConsentField
    ? true
    : F extends ChoiceField & { type: 'checkboxes' }
      ? string[]
      : F extends TextField | FormattedField | ChoiceField
        ? string
        : never;
type MaybeOptional<F, V> = F extends { optional: true } ? V | undefined : V;

/** The parsed answers of a form, keyed by field name, derived from its field list. */
export type FormValues<F extends readonly Field[]> = { [K in F[number] as K['name']]: MaybeOptional<K, AnswerOf<K>> };

/** Throws, naming the form and the field, when a field has a type no renderer or schema knows. */
export function assertKnownFieldTypes(form: FormDefinition): void {
  const check = (field: Field, where: string) => {
    if (!isFieldType(field.type)) throw new Error(`Form "${form.id}": field "${where}" has unknown type "${field.type}"`);
  };
  for (const field of form.fields) {
    check(field, field.name);
    if (field.type === 'rows') for (const column of field.columns) check(column, `${field.name}.${column.name}`);
  }
}

/**
 * A form's rules, each reporting on the last field it reads. They run only once every answer is
 * valid (zod's `when`): a rule then reads well-formed answers, and a refused answer is reported
 * once, by its own field.
 */
function checkRules(schema: z.ZodObject, rules: readonly FormRule[]) {
  if (rules.length === 0) return schema;
  return schema.superRefine(
    (values: Record<string, unknown>, ctx) => {
      for (const rule of rules)
        if (!rule.check(values)) ctx.addIssue({ code: 'custom', path: [rule.fields.at(-1) as string], message: rule.message });
    },
    { when: (payload) => payload.issues.length === 0 },
  );
}

/** The zod schema of a whole form and its rules. Unknown keys are dropped, so nothing unexpected is stored. */
export function buildFormSchema<const F extends readonly Field[]>(form: FormDefinition<F>): z.ZodType<FormValues<F>> {
  assertKnownFieldTypes(form);
  const shape = Object.fromEntries(form.fields.map((field) => [field.name, fieldSchema(field)]));
  return checkRules(z.object(shape), form.rules ?? []) as unknown as z.ZodType<FormValues<F>>;
}

/**
 * The name a problem is shown next to: the field, or one cell of a repeatable row
 * (`serviceUnits.2.code`, the name the input is posted under).
 */
const errorKey = (path: readonly PropertyKey[]): string =>
  typeof path[1] === 'number' && typeof path[2] === 'string' ? `${String(path[0])}.${path[1]}.${path[2]}` : String(path[0] ?? '_form');

/** A field name → zh-CN message map from a failed parse: the first problem of each field. */
export function collectFieldErrors(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const name = errorKey(issue.path);
    fields[name] ??= issue.message;
  }
  return fields;
}

export type ParseResult<T> = { ok: true; values: T } | { ok: false; fields: Record<string, string> };

/** Parses untrusted input (JSON or form data) with a form's schema. */
export function parseForm<T>(schema: z.ZodType<T>, input: unknown): ParseResult<T> {
  const source = input !== null && typeof input === 'object' && !Array.isArray(input) ? input : {};
  const result = schema.safeParse(source);
  return result.success ? { ok: true, values: result.data } : { ok: false, fields: collectFieldErrors(result.error) };
}
