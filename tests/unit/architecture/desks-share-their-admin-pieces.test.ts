import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../../..');
const ADMIN_DIRS = ['cms/src/admin', 'cms/src/plugins/review-desk/admin', 'cms/src/plugins/bureau-desk/admin'];

function listSources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return listSources(path);
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

const filesMatching = (pattern: RegExp) =>
  ADMIN_DIRS.flatMap((dir) => listSources(join(ROOT, dir)))
    .filter((file) => pattern.test(readFileSync(file, 'utf8')))
    .map((file) => relative(ROOT, file));

/**
 * The review desk's decision form and the bureau desk's action form were one form written twice,
 * and so were the hooks that read a desk's record: each desk's admin part now uses the one in
 * cms/src/admin/shared.
 */
describe('the desks’ admin parts share their form and their record hook', () => {
  it('renders an action’s form in one component', () => {
    expect(filesMatching(/<form\b/)).toEqual(['cms/src/admin/shared/ActionForm.tsx']);
  });

  it('reads a desk’s record through one hook', () => {
    expect(filesMatching(/export function use\w*Record\b/)).toEqual(['cms/src/admin/shared/api.ts']);
  });
});
