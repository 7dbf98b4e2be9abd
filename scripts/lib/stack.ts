import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CMS_DIR, ROOT, SITE_DIR } from './paths.ts';
import { type Service, startService, waitForHttp } from './processes.ts';

const STRAPI_BIN = join(ROOT, 'node_modules', '@strapi', 'strapi', 'bin', 'strapi.js');
const SITE_ENTRY = join(SITE_DIR, 'dist', 'server', 'entry.mjs');

/** Starts the built Strapi (`strapi start`) and waits until its health route answers. */
export async function startCms(options: { port: number; env: NodeJS.ProcessEnv; echo?: boolean }): Promise<Service> {
  // The site passes visitors' addresses in X-Forwarded-For; only it (loopback) is believed.
  const env = {
    TRUSTED_PROXIES: '127.0.0.1',
    ...options.env,
    HOST: '127.0.0.1',
    PORT: String(options.port),
    NODE_ENV: 'production',
    STRAPI_TELEMETRY_DISABLED: 'true',
  };
  const service = startService('cms', process.execPath, [STRAPI_BIN, 'start'], { cwd: CMS_DIR, env, echo: options.echo ?? false });
  await waitForHttp(`http://127.0.0.1:${options.port}/api/health`, service);
  return service;
}

/** Starts the built Astro site (standalone Node adapter) pointed at a running CMS. */
export async function startSite(options: { port: number; cmsUrl: string; env?: NodeJS.ProcessEnv; echo?: boolean }): Promise<Service> {
  const env = { ...process.env, ...options.env, HOST: '127.0.0.1', PORT: String(options.port), CMS_URL: options.cmsUrl };
  const service = startService('site', process.execPath, [SITE_ENTRY], { cwd: SITE_DIR, env, echo: options.echo ?? false });
  await waitForHttp(`http://127.0.0.1:${options.port}/healthz`, service);
  return service;
}

/**
 * Throwaway folders for a test or benchmark Strapi, so that nothing lands in the checkout: its
 * public folder (PUBLIC_DIR, seeded media) and the private scans (PRIVATE_UPLOADS_DIR).
 */
export function makeTempStrapiDirs(): { path: string; env: Record<string, string>; remove(): void } {
  const path = mkdtempSync(join(tmpdir(), 'statdesk-public-'));
  mkdirSync(join(path, 'uploads'));
  const privateDir = join(path, 'private');
  return { path, env: { PUBLIC_DIR: path, PRIVATE_UPLOADS_DIR: privateDir }, remove: () => rmSync(path, { recursive: true, force: true }) };
}
