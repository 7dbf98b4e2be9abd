import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../../..');
const CMS_SRC = join(ROOT, 'cms/src');
const LOOKUP = 'cms/src/lib/services.ts';

function listSources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return listSources(path);
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

const offenders = (pattern: RegExp) =>
  listSources(CMS_SRC)
    .map((file) => relative(ROOT, file))
    .filter((file) => file !== LOOKUP && pattern.test(readFileSync(join(ROOT, file), 'utf8')));

/**
 * StatDesk's services are looked up by UID through src/lib/services.ts, typed by the registry in
 * cms/types/services.d.ts, instead of `strapi.service('…' as never) as ReturnType<typeof import(…)>`
 * written out at every call.
 */
describe('StatDesk’s services are looked up typed', () => {
  it('looks up no api:: or plugin:: service with Strapi’s untyped strapi.service()', () => {
    expect(offenders(/strapi\.service\(\s*[`'"](?:api|plugin)::/)).toEqual([]);
  });

  it('spells no service’s type as ReturnType<typeof import(…)>', () => {
    expect(offenders(/ReturnType<\s*typeof import\(/)).toEqual([]);
  });

  // Data that Strapi's generated input types do not describe goes through lib/document-data.ts,
  // the one place that says why; a scattered `as never` hides every type error behind it.
  it('silences no type with `as never` anywhere in cms/src', () => {
    expect(offenders(/\bas never\b/)).toEqual([]);
  });
});
