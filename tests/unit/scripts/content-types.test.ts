import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { submissionKinds } from '../../../config/src/submissions.ts';
import { submissionContentType, submissionContentTypes } from '../../../scripts/lib/content-types.ts';

const ROOT = join(import.meta.dirname, '../../..');

describe('submission content types', () => {
  it.each(submissionContentTypes())('$path is up to date with its form (run `npm run generate`)', ({ path, json }) => {
    expect(readFileSync(join(ROOT, path), 'utf8')).toBe(json);
  });

  it('store every form field, with Draft & Publish off and a status enumeration', () => {
    const schema = submissionContentType(submissionKinds['data-application']) as {
      options: unknown;
      attributes: Record<string, { type: string; enum?: string[] }>;
    };
    expect(schema.options).toEqual({ draftAndPublish: false });
    for (const field of submissionKinds['data-application'].form.fields) expect(schema.attributes).toHaveProperty(field.name);
    expect(schema.attributes.status?.enum).toEqual([
      'awaiting_upload',
      'awaiting_review',
      'approved',
      'rejected',
      'returned',
      'expired',
      'revoked',
    ]);
  });

  it('keep ID numbers, phones, emails and password hashes out of API responses', () => {
    const attributes = submissionContentType(submissionKinds['data-application']).attributes as Record<string, { private?: boolean }>;
    for (const name of ['leaderIdNumber', 'leaderPhone', 'leaderEmail', 'passwordHash']) expect(attributes[name]?.private, name).toBe(true);
  });
});
