import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildConfig } from '../lib/build.ts';
import { CMS_DIR } from '../lib/paths.ts';
import { findFreePort } from '../lib/ports.ts';
import { type PostgresServer, startEmbeddedPostgres } from '../lib/postgres.ts';
import type { Service } from '../lib/processes.ts';
import { generateSecrets } from '../lib/secrets.ts';
import { makeTempStrapiDirs, startCms } from '../lib/stack.ts';

export interface BenchStack {
  base: string;
  token: string;
  postgres: PostgresServer;
  databaseUrl: string;
  cms: Service;
  stop(): Promise<void>;
}

export const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
export const percentile = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((xs.length * p) / 100))] ?? 0;
/** Peak resident memory of a process (VmHWM), in MB. */
export const peakRss = (pid: number) => Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;

async function apiToken(base: string, email: string, password: string): Promise<string> {
  const login = await fetch(`${base}/admin/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  const jwt = ((await login.json()) as { data: { token: string } }).data.token;
  const created = await fetch(`${base}/admin/api-tokens`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${jwt}` },
    body: JSON.stringify({ name: `bench-${Date.now()}`, type: 'full-access', lifespan: null, description: 'benchmark' }),
  });
  return ((await created.json()) as { data: { accessKey: string } }).data.accessKey;
}

/**
 * A throwaway PostgreSQL and the compiled Strapi on free loopback ports, with a full-access API
 * token; stopped on Ctrl-C or a timeout as well as at the end.
 */
export async function startBenchStack(): Promise<BenchStack> {
  await buildConfig();
  const { compileStrapi } = createRequire(import.meta.url)('@strapi/strapi') as typeof import('@strapi/strapi');
  await compileStrapi({ appDir: CMS_DIR });
  const dataDir = mkdtempSync(join(tmpdir(), 'statdesk-bench-'));
  const postgres = await startEmbeddedPostgres({ dataDir, port: await findFreePort(), persistent: false });
  const publicDir = makeTempStrapiDirs();
  let cms: Service | undefined;
  const stop = async () => {
    await cms?.stop();
    await postgres.stop();
    rmSync(dataDir, { recursive: true, force: true });
    publicDir.remove();
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void stop().finally(() => process.exit(130)));
  try {
    await postgres.createDatabase('bench');
    const email = 'bench@statdesk.local';
    const password = `Bench-${randomBytes(6).toString('hex')}9`;
    const port = await findFreePort();
    cms = await startCms({
      port,
      echo: process.env.BENCH_ECHO === '1',
      env: {
        ...process.env,
        ...generateSecrets(),
        DATABASE_URL: postgres.urlFor('bench'),
        SERVE_ADMIN_PANEL: 'false',
        ...publicDir.env,
        STATDESK_FIRST_ADMIN_EMAIL: email,
        STATDESK_FIRST_ADMIN_PASSWORD: password,
      },
    });
    const base = `http://127.0.0.1:${port}`;
    return { base, token: await apiToken(base, email, password), postgres, databaseUrl: postgres.urlFor('bench'), cms, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
