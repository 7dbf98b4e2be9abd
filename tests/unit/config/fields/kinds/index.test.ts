import { describe, expect, it } from 'vitest';
import { formEntries, readFormValues } from '../../../../../config/src/fields/form-data.ts';
import { fieldDefinition, fieldKinds, kindOf } from '../../../../../config/src/fields/kinds/index.ts';
import { sampleAnswers } from '../../../../../config/src/fields/sample.ts';
import type { Field, FormDefinition } from '../../../../../config/src/fields/types.ts';
import { agencyForm } from '../../../../../config/src/forms/agency.ts';
import { forms } from '../../../../../config/src/forms/index.ts';
import { statisticianForm } from '../../../../../config/src/forms/statistician.ts';

const everyForm: FormDefinition[] = [...Object.values(forms), agencyForm, statisticianForm];

const postedAs = (pairs: Array<[string, string]>) => {
  const data = new FormData();
  for (const [name, value] of pairs) data.append(name, value);
  return data;
};

describe('the field kinds', () => {
  it.each(everyForm.map((form) => [form.id, form] as const))('describe every field of the %s form', (_id, form) => {
    for (const field of form.fields) expect(fieldDefinition.safeParse(field).error, field.name).toBeUndefined();
  });

  it('cover every type a form uses', () => {
    const used = new Set(everyForm.flatMap((form) => form.fields.map((field) => field.type)));
    for (const type of used) expect(Object.keys(fieldKinds)).toContain(type);
  });

  it.each(everyForm.map((form) => [form.id, form] as const))(
    'carry every answer of the %s form between steps unchanged (written as hidden inputs, read back)',
    (_id, form) => {
      const answers = sampleAnswers(form);
      expect(readFormValues(form, postedAs(formEntries(form.fields, answers)))).toEqual(answers);
    },
  );

  it('throws naming the field when no kind has its type', () => {
    expect(() => kindOf({ name: 'colour', type: 'colour-picker', label: '颜色' } as unknown as Field)).toThrow(
      'Unknown field type "colour-picker" of field "colour"',
    );
  });
});
