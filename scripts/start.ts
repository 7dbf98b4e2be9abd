/**
 * `npm start`: the whole system on one machine. Starts the embedded PostgreSQL (unless
 * DATABASE_URL names a server), builds what changed, starts Strapi and the Astro site, creates the
 * first admin and demo data on first run, and stops everything on Ctrl-C. Chromium and the CJK
 * fonts that print the PDF forms are installed first when missing (browser-deps.ts).
 */
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import pg from 'pg';
import { DEFAULT_CHROMIUM, ensurePdfPrinting, systemProbe } from './lib/browser-deps.ts';
import { buildCms, buildConfig, buildSite } from './lib/build.ts';
import { openDatabase } from './lib/database.ts';
import { ROOT } from './lib/paths.ts';
import type { Service } from './lib/processes.ts';
import { loadEnvFile, settingFrom } from './lib/secrets.ts';
import { startCms, startSite } from './lib/stack.ts';
import { supervise } from './lib/supervise.ts';

const settings = loadEnvFile(join(ROOT, '.env'));
const setting = settingFrom(settings);
const cmsPort = Number(setting('CMS_PORT', '1337'));
const sitePort = Number(setting('SITE_PORT', '4321'));

const running: Array<{ stop(): Promise<void> }> = [];
let stopping = false;

async function stopAll(code: number): Promise<never> {
  if (stopping) process.exit(code);
  stopping = true;
  for (const part of running.reverse()) await part.stop().catch(() => {});
  process.exit(code);
}
process.on('SIGINT', () => void stopAll(0));
/** A service that dies on its own takes the others down with it, saying why. */
function watch(service: Service): Service {
  service.child.once('exit', (code) => {
    if (stopping) return;
    console.error(`${service.name} stopped unexpectedly (exit ${code}):\n${service.recentOutput()}`);
    void stopAll(1);
  });
  return service;
}
process.on('SIGTERM', () => void stopAll(0));

async function connectDatabase(): Promise<string> {
  const database = await openDatabase(setting);
  running.push({ stop: database.close });
  return database.url;
}

async function hasAdmin(databaseUrl: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const table = await client.query(`select to_regclass('admin_users') as name`);
    if (!table.rows[0]?.name) return false;
    const users = await client.query('select count(*)::int as n from admin_users');
    return (users.rows[0]?.n ?? 0) > 0;
  } finally {
    await client.end();
  }
}

/** The first admin: from ADMIN_EMAIL/ADMIN_PASSWORD, or a generated password shown once. */
function chooseFirstAdmin(): { email: string; password: string; generated: boolean } {
  const email = setting('ADMIN_EMAIL', 'admin@statdesk.local');
  const given = setting('ADMIN_PASSWORD', '');
  // Strapi requires 8+ characters with upper case, lower case and a digit.
  const password = given || `Sd-${randomBytes(9).toString('base64url')}9a`;
  return { email, password, generated: !given };
}

async function main(): Promise<void> {
  // The same precedence as the env Strapi gets below: .env over the shell.
  ensurePdfPrinting(systemProbe(settings.CHROMIUM_PATH ?? process.env.CHROMIUM_PATH ?? DEFAULT_CHROMIUM));
  const databaseUrl = await connectDatabase();
  const firstAdmin = (await hasAdmin(databaseUrl)) ? undefined : chooseFirstAdmin();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...settings,
    DATABASE_URL: databaseUrl,
    STATDESK_SEED_DEMO: setting('SEED_DEMO', 'true'),
    ...(firstAdmin && { STATDESK_FIRST_ADMIN_EMAIL: firstAdmin.email, STATDESK_FIRST_ADMIN_PASSWORD: firstAdmin.password }),
  };

  console.log('Building what changed (the first build of the admin panel takes about a minute) …');
  await buildConfig();
  await buildCms(env);
  await buildSite(env);

  console.log('Starting Strapi …');
  const cmsUrl = `http://127.0.0.1:${cmsPort}`;
  // Restarted if it dies (the site shows its unavailable page meanwhile); see supervise.ts.
  running.push(await supervise(() => startCms({ port: cmsPort, env, echo: setting('VERBOSE', '') === 'true' })));
  console.log('Starting the public site …');
  running.push(watch(await startSite({ port: sitePort, cmsUrl, env })));

  console.log(`
StatDesk is running.
  Public site:  http://localhost:${sitePort}
  Admin panel:  http://localhost:${cmsPort}/admin`);
  if (firstAdmin) {
    console.log(`  Sign in as:   ${firstAdmin.email}`);
    console.log(
      firstAdmin.generated
        ? `  Password:     ${firstAdmin.password}   (generated now and shown only once: write it down)`
        : '  Password:     the ADMIN_PASSWORD you set',
    );
  } else {
    console.log('  Sign in with the admin account created on the first start');
    console.log('  (forgotten? `npx strapi admin:reset-user-password` in cms/).');
  }
  console.log('Press Ctrl-C to stop.');
}

main().catch(async (error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  await stopAll(1);
});
