import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../../..');
const CMS_SRC = join(ROOT, 'cms/src');
const DDL = /\b(?:create|alter|drop)(?:\s+or\s+replace)?(?:\s+unique)?\s+(?:table|index|trigger|function|view)\b/gi;

/**
 * The one schema change made at run time: a period's partition of dr_login_events is created when
 * the first events of that period arrive (DESIGN.md, "Partition the events table by period").
 */
const RUNTIME_PARTITIONS = 'cms/src/api/direct-report/services/partitions.ts';

function listSources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return listSources(path);
    return /\.(ts|tsx|js)$/.test(entry.name) ? [path] : [];
  });
}

const findDdl = (source: string) => [...source.matchAll(DDL)].map((match) => match[0].toLowerCase());

describe('every schema change is a migration in cms/database/migrations', () => {
  it('recognises the statements that change a schema', () => {
    expect(findDdl("raw('create unique index if not exists a on b (c)')")).toEqual(['create unique index']);
    expect(findDdl('create or replace trigger t after insert on s')).toEqual(['create or replace trigger']);
    expect(findDdl("select 'created' from tables")).toEqual([]);
  });

  it('changes no schema from the code under cms/src, but for the login events’ partitions', () => {
    const offenders = listSources(CMS_SRC)
      .map((file) => relative(ROOT, file))
      .filter((file) => file !== RUNTIME_PARTITIONS)
      .flatMap((file) => findDdl(readFileSync(join(ROOT, file), 'utf8')).map((statement) => `${file}: ${statement}`));
    expect(offenders).toEqual([]);
  });
});
