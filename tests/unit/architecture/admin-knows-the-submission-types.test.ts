import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { submissionKinds } from '../../../config/src/submissions.ts';

describe('the admin desk', () => {
  it('serves exactly the submission types of config/', () => {
    // The admin bundle keeps its own list (cms/src/plugins/review-desk/admin/src/api.ts); it must not drift.
    const source = readFileSync(join(import.meta.dirname, '../../../cms/src/plugins/review-desk/admin/src/api.ts'), 'utf8');
    const listed = [...(/SUBMISSION_MODELS = \[([^\]]*)\]/.exec(source)?.[1] ?? '').matchAll(/'([^']+)'/g)].map((m) => m[1]);
    expect(listed).toEqual(Object.values(submissionKinds).map((k) => `api::${k.collection}.${k.collection}`));
  });
});
