import { describe, expect, it } from 'vitest';
import { parseForm } from '../../../../config/src/fields/form-schema.ts';
import { sampleAnswers } from '../../../../config/src/fields/sample.ts';
import { formSchemas, forms } from '../../../../config/src/forms/index.ts';

describe('sample answers for template previews', () => {
  it.each(Object.keys(forms) as Array<keyof typeof forms>)('are valid answers to the %s form', (id) => {
    expect(parseForm(formSchemas[id], sampleAnswers(forms[id])).ok).toBe(true);
  });
});
