import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Core } from '@strapi/strapi';
import pg from 'pg';
import { inject } from 'vitest';
import { CMS_DIR } from '../../../scripts/lib/paths.ts';
import { generateSecrets } from '../../../scripts/lib/secrets.ts';
import { makeTempStrapiDirs } from '../../../scripts/lib/stack.ts';
import { uniqueDatabaseName } from '../../support/postgres.ts';

export interface TestCms {
  strapi: Core.Strapi;
  /** http://127.0.0.1:<port> of this Strapi. */
  url: string;
  databaseUrl: string;
  /** Stops this Strapi and starts another on the same database, as a second `npm start` would. */
  restart(): Promise<TestCms>;
  stop(): Promise<void>;
}

async function onServer<T>(sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: `${inject('postgresBaseUrl')}/postgres` });
  await client.connect();
  try {
    return (await client.query(sql)).rows as T[];
  } finally {
    await client.end();
  }
}

/** Boots the compiled Strapi on a fresh, uniquely named database and a free port. */
export async function bootCms(purpose: string, env: Record<string, string> = {}): Promise<TestCms> {
  const database = uniqueDatabaseName(purpose);
  await onServer(`create database "${database}"`);
  const databaseUrl = `${inject('postgresBaseUrl')}/${database}`;
  const publicDir = makeTempStrapiDirs();
  // Strapi reads its settings from process.env (it looks for .env in the working directory only).
  Object.assign(
    process.env,
    generateSecrets(),
    { DATABASE_URL: databaseUrl, ...publicDir.env, STRAPI_TELEMETRY_DISABLED: 'true', NODE_ENV: 'test' },
    env,
  );
  const started = async (): Promise<TestCms> => {
    const { strapi, url } = await startStrapi();
    return {
      strapi,
      url,
      databaseUrl,
      async restart() {
        await strapi.destroy();
        return started();
      },
      async stop() {
        await strapi.destroy();
        await onServer(`drop database if exists "${database}" with (force)`);
        publicDir.remove();
      },
    };
  };
  return started();
}

/** Loads the compiled Strapi with the settings in process.env and listens on a free port. */
async function startStrapi(): Promise<{ strapi: Core.Strapi; url: string }> {
  const { createStrapi } = createRequire(import.meta.url)('@strapi/strapi') as typeof import('@strapi/strapi');
  const strapi = createStrapi({ appDir: CMS_DIR, distDir: join(CMS_DIR, 'dist'), autoReload: false, serveAdminPanel: false });
  strapi.log.level = 'warn';
  await strapi.load();
  // server.listen() mounts the routers before it opens the socket; httpServer.listen() alone would not.
  await new Promise<void>((resolve) => strapi.server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = strapi.server.httpServer.address() as AddressInfo;
  return { strapi, url: `http://127.0.0.1:${port}` };
}

/**
 * A new API token's access key, as an administrator would create it in Settings → API Tokens.
 * Token names are unique, so each gets a random suffix.
 */
export async function createApiToken(cms: TestCms, type: 'read-only' | 'full-access' | 'custom', permissions?: string[]): Promise<string> {
  const tokens = cms.strapi.service('admin::api-token') as { create(attributes: object): Promise<{ accessKey: string }> };
  const name = `${type}-${Math.random().toString(36).slice(2)}`;
  return (await tokens.create({ name, type, permissions, lifespan: null, description: '' })).accessKey;
}
