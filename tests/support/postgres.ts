import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { findFreePort } from '../../scripts/lib/ports.ts';
import { externalPostgres, type PostgresServer, startEmbeddedPostgres } from '../../scripts/lib/postgres.ts';

/**
 * The server the tests create their throwaway databases on: DATABASE_URL's when it is set,
 * otherwise an embedded PostgreSQL on a free port in a temporary directory, removed afterwards.
 */
export async function startTestPostgres(): Promise<PostgresServer> {
  if (process.env.DATABASE_URL) return externalPostgres(process.env.DATABASE_URL);
  const dataDir = mkdtempSync(join(tmpdir(), 'statdesk-pg-'));
  const server = await startEmbeddedPostgres({ dataDir, port: await findFreePort(), persistent: false });
  return {
    ...server,
    async stop() {
      await server.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A database name no other run uses: `statdesk_test_<purpose>_<random>`. */
export const uniqueDatabaseName = (purpose: string): string =>
  `statdesk_test_${purpose}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;

/** The rows of one statement, on a connection of its own. */
export async function queryRows<T>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows as T[];
  } finally {
    await client.end();
  }
}
