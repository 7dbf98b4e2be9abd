import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootCms, type TestCms } from '../support/strapi.ts';

const MIGRATION = '2026.12.02T01.00.00.content-type-indexes-and-gate-trigger.sql';

async function query<T>(databaseUrl: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return (await client.query(sql)).rows as T[];
  } finally {
    await client.end();
  }
}

const indexNames = async (url: string) =>
  (
    await query<{ indexname: string }>(
      url,
      `select indexname from pg_indexes where tablename in ('enterprises', 'statisticians') order by 1`,
    )
  ).map((row) => row.indexname);
const gateTriggers = async (url: string) =>
  (
    await query<{ tgname: string }>(
      url,
      `select tgname from pg_trigger where tgrelid = 'statisticians'::regclass and not tgisinternal order by 1`,
    )
  ).map((row) => row.tgname);

/**
 * Strapi 5 runs database/migrations before it creates the content-type tables (@strapi/database
 * schema.sync), so the migration that indexes enterprises and statisticians must work on a database
 * where neither table exists yet, and leave Strapi's own tables whole.
 */
describe('the content-type indexes and the gate trigger come from a migration', () => {
  let cms: TestCms;

  beforeAll(async () => {
    cms = await bootCms('migrations');
  });
  afterAll(async () => {
    await cms?.stop();
  });

  it('creates the indexes and the gate triggers on a fresh database, recorded as a migration', async () => {
    const ran = await query<{ name: string }>(cms.databaseUrl, 'select name from strapi_migrations');
    expect(ran.map((row) => row.name)).toContain(MIGRATION);
    expect(await indexNames(cms.databaseUrl)).toEqual(
      expect.arrayContaining([
        'enterprises_code_c',
        'enterprises_code_unique',
        'statisticians_active_id_number_unique',
        'statisticians_service_units',
      ]),
    );
    expect(await gateTriggers(cms.databaseUrl)).toEqual([
      'statisticians_gate_deleted',
      'statisticians_gate_inserted',
      'statisticians_gate_updated',
    ]);
  });

  it('lets Strapi add every other column to the tables the migration started', async () => {
    const columns = async (table: string) =>
      (
        await query<{ column_name: string }>(
          cms.databaseUrl,
          `select column_name from information_schema.columns where table_name = '${table}'`,
        )
      ).map((row) => row.column_name);
    expect(await columns('enterprises')).toEqual(expect.arrayContaining(['id', 'document_id', 'code', 'name', 'city_code', 'created_at']));
    expect(await columns('statisticians')).toEqual(
      expect.arrayContaining(['id', 'document_id', 'id_number', 'service_units', 'status', 'submitted_at']),
    );
    const enterprises = cms.strapi.documents('api::enterprise.enterprise');
    expect(await enterprises.count({})).toBeGreaterThanOrEqual(0);
  });

  it('boots again on the same database and keeps the indexes and triggers', async () => {
    const before = { indexes: await indexNames(cms.databaseUrl), triggers: await gateTriggers(cms.databaseUrl) };
    cms = await cms.restart();
    expect({ indexes: await indexNames(cms.databaseUrl), triggers: await gateTriggers(cms.databaseUrl) }).toEqual(before);
  });
});
