import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const API = join(import.meta.dirname, '../../../cms/src/api');
/** Attribute names of secrets: password hashes, tokens, storage keys (a file's sha256 is a checksum, not a secret). */
const SECRET_NAME = /hash|token|secret|password|storageKey/i;

interface Schema {
  attributes: Record<string, { private?: boolean }>;
  config?: { attributes?: Record<string, { hidden?: boolean }> };
}

const schemas = readdirSync(API).flatMap((api) => {
  const dir = join(API, api, 'content-types');
  let names: string[] = [];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names.map((name) => ({
    uid: `api::${api}.${name}`,
    schema: JSON.parse(readFileSync(join(dir, name, 'schema.json'), 'utf8')) as Schema,
  }));
});
const secrets = schemas.flatMap(({ uid, schema }) =>
  Object.keys(schema.attributes)
    .filter((name) => SECRET_NAME.test(name))
    .map((name) => ({ attribute: `${uid}.${name}`, name, schema })),
);

describe('secret attributes of the content types', () => {
  it('include the password hashes and storage keys', () => {
    expect(secrets.map(({ attribute }) => attribute)).toEqual(
      expect.arrayContaining(['api::statistician.statistician.passwordHash', 'api::attachment.attachment.storageKey']),
    );
  });

  // `private` keeps an attribute out of /api answers; `hidden` out of the Content Manager, for
  // every role including the super admin (how Strapi hides its admin users' tokens).
  it.each(secrets)('$attribute is private and hidden from the admin', ({ name, schema }) => {
    expect(schema.attributes[name]?.private).toBe(true);
    expect(schema.config?.attributes?.[name]?.hidden).toBe(true);
  });
});
