import { createWriteStream, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import { ident, readSchema } from './schema.ts';

/** What the archive's manifest says about the database, and what a restore checks against. */
export interface DatabaseContents {
  /** Rows per table. */
  rows: Record<string, number>;
  /** Each sequence's value, as `setval(name, value, isCalled)` takes it. */
  sequences: Record<string, { value: string; isCalled: boolean }>;
}

/**
 * Writes the schema and every table's rows into `dir` from one REPEATABLE READ snapshot, so the
 * copy is consistent while StatDesk keeps taking submissions. Sequences are read after the rows:
 * they are not transactional, so their values are at or beyond every id in the snapshot, never
 * behind (a restored system cannot hand out a number twice).
 */
export async function dumpDatabase(databaseUrl: string, dir: string): Promise<DatabaseContents> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('begin isolation level repeatable read, read only');
    const schema = await readSchema(client);
    mkdirSync(join(dir, 'data'), { recursive: true });
    writeFileSync(join(dir, 'before.sql'), `${schema.before.join('\n\n')}\n`);
    writeFileSync(join(dir, 'after.sql'), `${schema.after.join('\n')}\n`);
    const rows: DatabaseContents['rows'] = {};
    for (const table of schema.tables) {
      const columns = table.columns.map(ident).join(', ');
      const stream = client.query(copyTo(`copy ${ident(table.name)} (${columns}) to stdout`));
      await pipeline(stream, createWriteStream(join(dir, 'data', `${table.name}.copy`)));
      rows[table.name] = stream.rowCount;
    }
    const sequences: DatabaseContents['sequences'] = {};
    for (const name of schema.sequences) {
      const {
        rows: [state],
      } = await client.query(`select last_value::text as value, is_called as "isCalled" from ${ident(name)}`);
      sequences[name] = state;
    }
    await client.query('commit');
    writeFileSync(join(dir, 'tables.json'), JSON.stringify(schema.tables, null, 2));
    return { rows, sequences };
  } finally {
    await client.end();
  }
}
