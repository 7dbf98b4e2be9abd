import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { DATA_DIR } from './paths.ts';
import { databaseExists, embeddedBaseUrl, isListening, type PostgresServer, startEmbeddedPostgres } from './postgres.ts';
import type { Setting } from './secrets.ts';

/** The database `npm start` keeps its data in on the embedded server. */
export const DATABASE_NAME = 'statdesk';

export interface OpenDatabase {
  url: string;
  /** Stops the embedded server if this call started it; leaves a running `npm start`'s alone. */
  close(): Promise<void>;
}

/**
 * The system's database: DATABASE_URL when set, otherwise the embedded PostgreSQL in
 * .data/postgres, which is started here unless `npm start` already runs it.
 */
export async function openDatabase(setting: Setting, log: (line: string) => void = console.log): Promise<OpenDatabase> {
  const external = setting('DATABASE_URL', '');
  if (external) {
    log('Using the PostgreSQL server named by DATABASE_URL.');
    return { url: external, close: async () => {} };
  }
  const port = Number(setting('EMBEDDED_PG_PORT', '54329'));
  const base = embeddedBaseUrl(port);
  let server: PostgresServer | undefined;
  if (!(await isListening(`${base}/postgres`))) {
    mkdirSync(DATA_DIR, { recursive: true });
    log(`Starting the embedded PostgreSQL on port ${port} (data in .data/postgres) …`);
    server = await startEmbeddedPostgres({ dataDir: join(DATA_DIR, 'postgres'), port, persistent: true });
    if (!(await databaseExists(server, DATABASE_NAME))) await server.createDatabase(DATABASE_NAME);
  }
  return { url: `${base}/${DATABASE_NAME}`, close: async () => server?.stop() };
}
