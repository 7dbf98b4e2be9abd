import { describe, expect, it } from 'vitest';
import { adminRoles } from '../../../../config/src/admin/roles.ts';

const role = (name: string) => adminRoles.find((r) => r.name === name);

describe('the admin roles of the data centre and the bureau', () => {
  it('let only reviewers decide, and never delete a submission', () => {
    expect(adminRoles.filter((r) => r.decides).map((r) => r.name)).toEqual(['Reviewer']);
    const submissions = ['institution', 'data-application', 'change-application', 'outcome'].map((s) => `api::${s}.${s}`);
    for (const r of adminRoles)
      for (const grant of r.grants.filter((g) => submissions.includes(g.uid))) expect(grant.actions).toEqual(['read']);
  });

  it('give content editors nothing personal', () => {
    expect(role('Content editor')?.grants.every((g) => !g.personal)).toBe(true);
  });
});
