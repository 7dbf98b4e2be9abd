import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { computeCreditCodeCheckChar } from '../../config/src/validators/credit-code.ts';
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
  /** A signed-in super admin's access token, for the admin's own API (review desk). */
  adminJwt: string;
  postgres: PostgresServer;
  databaseUrl: string;
  cms: Service;
  /** The postmaster's process id (its backends are its children). */
  postgresPid(): number;
  stop(): Promise<void>;
}

export const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
export const percentile = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((xs.length * p) / 100))] ?? 0;
/** Peak resident memory of a process (VmHWM), in MB. */
export const peakRss = (pid: number) => Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;

/** Linux's clock ticks per second for /proc/<pid>/stat (USER_HZ, 100 on every mainstream build). */
const TICKS = 100;

/** user, system, children's user, children's system ticks of a process; undefined when it is gone. */
function ticksOf(pid: number): { ppid: number; own: number; reaped: number } | undefined {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8')
      .replace(/^.*\) /s, '')
      .split(' ')
      .map(Number);
    const [ppid = 0, utime = 0, stime = 0, cutime = 0, cstime = 0] = [fields[1], fields[11], fields[12], fields[13], fields[14]];
    return { ppid, own: utime + stime, reaped: cutime + cstime };
  } catch {
    return undefined;
  }
}

/**
 * CPU seconds used so far by a process and its children, including children already gone (a
 * PostgreSQL backend that ended is counted in its postmaster's reaped time). On a shared machine
 * whose speed drifts, CPU time per event moves far less than events per second.
 */
export function cpuSeconds(pid: number): number {
  const self = ticksOf(pid);
  if (!self) return 0;
  let ticks = self.own + self.reaped;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const child = ticksOf(Number(entry));
    if (child?.ppid === pid) ticks += child.own + child.reaped;
  }
  return ticks / TICKS;
}

async function signIn(base: string, email: string, password: string): Promise<string> {
  const login = await fetch(`${base}/admin/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  return ((await login.json()) as { data: { token: string } }).data.token;
}

async function apiToken(base: string, jwt: string): Promise<string> {
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
    const postgresPid = () => Number(readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
    const adminJwt = await signIn(base, email, password);
    return {
      base,
      token: await apiToken(base, adminJwt),
      adminJwt,
      postgres,
      databaseUrl: postgres.urlFor('bench'),
      cms,
      postgresPid,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** A valid credit code for bench institution `n`: one institution per code, as registration demands. */
export function benchCreditCode(n: number): string {
  const body = `12110000MB${String(n % 10_000_000).padStart(7, '0')}`;
  return body + computeCreditCodeCheckChar(body);
}
