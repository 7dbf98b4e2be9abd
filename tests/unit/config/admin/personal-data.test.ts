import { describe, expect, it } from 'vitest';
import { personalFieldNames } from '../../../../config/src/admin/personal-data.ts';
import { forms } from '../../../../config/src/forms/index.ts';

describe('personal fields of a form', () => {
  it('are the applicant, the personal types and what the form marks personal', () => {
    expect(personalFieldNames(forms.outcome)).toEqual(['applicantName', 'phone', 'leaderName']);
  });

  it('include every ID number, phone and email of every form', () => {
    for (const form of Object.values(forms)) {
      const typed = form.fields.filter((f) => ['idCard', 'phone', 'email'].includes(f.type)).map((f) => f.name);
      expect(personalFieldNames(form)).toEqual(expect.arrayContaining(typed));
    }
  });
});
