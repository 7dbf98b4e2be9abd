import { createReadStream, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { DatabaseContents } from './dump.ts';
import { ident, type Schema } from './schema.ts';

async function assertNobodyElseConnected(client: pg.Client): Promise<void> {
  const { rows } = await client.query(
    `select count(*)::int as n from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()`,
  );
  if (rows[0].n > 0) throw new Error(`${rows[0].n} other connection(s) use this database: stop StatDesk before restoring.`);
}

async function assertEmptyUnlessReplacing(client: pg.Client, replace: boolean): Promise<void> {
  const { rows } = await client.query(`select count(*)::int as n from pg_class where relnamespace = 'public'::regnamespace`);
  if (rows[0].n === 0) return;
  if (!replace) throw new Error('The database already holds tables: restore into an empty database, or pass --replace to overwrite it.');
  await client.query('drop schema public cascade');
  await client.query('create schema public');
}

/**
 * Loads a dump written by dumpDatabase in one transaction: a restore that fails part-way leaves
 * the database as it was. Row counts are checked against the manifest before committing.
 */
export async function loadDatabase(
  databaseUrl: string,
  dir: string,
  expected: DatabaseContents,
  options: { replace: boolean },
): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await assertNobodyElseConnected(client);
    await client.query('begin');
    await assertEmptyUnlessReplacing(client, options.replace);
    // Function bodies may name tables created later in the file (pg_dump does the same).
    await client.query('set local check_function_bodies = off');
    await client.query(readFileSync(join(dir, 'before.sql'), 'utf8'));
    const tables = JSON.parse(readFileSync(join(dir, 'tables.json'), 'utf8')) as Schema['tables'];
    for (const table of tables) {
      const stream = client.query(copyFrom(`copy ${ident(table.name)} (${table.columns.map(ident).join(', ')}) from stdin`));
      await pipeline(createReadStream(join(dir, 'data', `${table.name}.copy`)), stream);
      if (stream.rowCount !== expected.rows[table.name]) {
        throw new Error(`Table ${table.name}: the archive lists ${expected.rows[table.name]} rows but holds ${stream.rowCount}.`);
      }
    }
    for (const [name, state] of Object.entries(expected.sequences)) {
      await client.query('select setval($1::regclass, $2::bigint, $3)', [ident(name), state.value, state.isCalled]);
    }
    await client.query(readFileSync(join(dir, 'after.sql'), 'utf8'));
    await client.query('commit');
  } catch (error) {
    await client.query('rollback').catch(() => {});
    throw error;
  } finally {
    await client.end();
  }
}
