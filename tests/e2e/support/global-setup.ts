import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildCms, buildConfig, buildSite } from '../../../scripts/lib/build.ts';
import { findFreePort } from '../../../scripts/lib/ports.ts';
import type { Service } from '../../../scripts/lib/processes.ts';
import { generateSecrets } from '../../../scripts/lib/secrets.ts';
import { makeTempStrapiDirs, startCms, startSite } from '../../../scripts/lib/stack.ts';
import { startSmtpSink } from '../../integration/support/smtp-sink.ts';
import { startTestPostgres, uniqueDatabaseName } from '../../support/postgres.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    siteUrl: string;
    cmsUrl: string;
    /** For arranging data the public cannot (the order of a queue), never for a decision nor for checking what the site shows. */
    databaseUrl: string;
    /** The first admin (super admin) of the test Strapi, who creates the staff accounts. */
    adminEmail: string;
    adminPassword: string;
    /** Strapi's public folder (PUBLIC_DIR): its uploads/ is what /uploads serves. */
    publicDir: string;
    /** Where the local SMTP server writes each mail Strapi sends, one `<n>.eml` file each. */
    mailDir: string;
  }
}

export const TLS_HOST = 'statdesk.test';

const ADMIN = { email: 'admin@e2e.example', password: 'E2e-Admin-2026' };

/** Builds and starts the real stack (PostgreSQL, Strapi with its admin, Astro) on free ports for the browser tests. */
export default async function setup(project: TestProject) {
  await buildConfig();
  // `strapi build` loads the configuration, which insists on a database URL; nothing connects to it.
  await buildCms({ ...process.env, DATABASE_URL: 'postgres://build@127.0.0.1:1/build' });
  // The public host name a TLS proxy would forward (tests/e2e/behind-a-tls-proxy.test.ts).
  await buildSite({ ...process.env, SITE_DOMAINS: TLS_HOST });

  const postgres = await startTestPostgres();
  const database = uniqueDatabaseName('e2e');
  await postgres.createDatabase(database);
  const services: Service[] = [];
  const publicDir = makeTempStrapiDirs();
  // Mail is on, to a local SMTP server: the journeys read what applicants are sent (a reset link).
  const mailDir = mkdtempSync(join(tmpdir(), 'statdesk-mail-'));
  const sink = await startSmtpSink(0, mailDir);
  const teardown = async () => {
    for (const service of services.reverse()) await service.stop();
    await sink.stop();
    rmSync(mailDir, { recursive: true, force: true });
    await postgres.dropDatabase(database).catch(() => {});
    await postgres.stop();
    publicDir.remove();
  };
  try {
    const cmsPort = await findFreePort();
    const sitePort = await findFreePort();
    const env = {
      ...process.env,
      ...generateSecrets(),
      DATABASE_URL: postgres.urlFor(database),
      ...publicDir.env,
      STATDESK_FIRST_ADMIN_EMAIL: ADMIN.email,
      STATDESK_FIRST_ADMIN_PASSWORD: ADMIN.password,
      // The journeys sign in as this one admin from one address more often than 5 times in 5 minutes.
      ADMIN_SIGN_IN_LIMIT: '100',
      SMTP_HOST: '127.0.0.1',
      SMTP_PORT: String(sink.port),
      SMTP_FROM: 'data@e2e.example',
      SITE_PUBLIC_URL: `http://127.0.0.1:${sitePort}`,
    };
    services.push(await startCms({ port: cmsPort, env }));
    const cmsUrl = `http://127.0.0.1:${cmsPort}`;
    services.push(await startSite({ port: sitePort, cmsUrl, env }));
    project.provide('siteUrl', `http://127.0.0.1:${sitePort}`);
    project.provide('cmsUrl', cmsUrl);
    project.provide('databaseUrl', postgres.urlFor(database));
    project.provide('adminEmail', ADMIN.email);
    project.provide('adminPassword', ADMIN.password);
    project.provide('publicDir', publicDir.path);
    project.provide('mailDir', mailDir);
  } catch (error) {
    await teardown();
    throw error;
  }
  return teardown;
}
