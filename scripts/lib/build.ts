import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CMS_DIR, CONFIG_DIR, DATA_DIR, ROOT, SITE_DIR } from './paths.ts';
import { run } from './run.ts';

const BIN = join(ROOT, 'node_modules', '.bin');
const SKIPPED = new Set(['node_modules', 'dist', '.astro', '.strapi', '.tmp', 'build', 'uploads', 'generated']);

function collectFiles(path: string): string[] {
  if (!existsSync(path)) return [];
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path, { withFileTypes: true }).flatMap((entry) =>
    SKIPPED.has(entry.name) ? [] : collectFiles(join(path, entry.name)),
  );
}

/** A fingerprint of the inputs' paths, sizes and modification times. */
export function fingerprint(inputs: string[]): string {
  const hash = createHash('sha256');
  for (const file of inputs.flatMap(collectFiles).sort()) {
    const stat = statSync(file);
    hash.update(`${file}\0${stat.size}\0${stat.mtimeMs}\n`);
  }
  return hash.digest('hex');
}

/**
 * Runs `build` unless the inputs (and `settings`, the build-time environment that shapes the
 * output) are unchanged since its last success and `output` exists.
 */
export async function buildIfChanged(
  name: string,
  inputs: string[],
  output: string,
  build: () => Promise<void>,
  settings = '',
): Promise<boolean> {
  const stampDir = join(DATA_DIR, 'build-stamps');
  const stampFile = join(stampDir, `${name}.txt`);
  const before = `${fingerprint(inputs)}${settings && ` ${settings}`}`;
  if (existsSync(output) && existsSync(stampFile) && readFileSync(stampFile, 'utf8') === before) return false;
  await build();
  mkdirSync(stampDir, { recursive: true });
  writeFileSync(stampFile, before);
  return true;
}

const LOCK = join(ROOT, 'package-lock.json');

export const buildConfig = () =>
  buildIfChanged('config', [join(CONFIG_DIR, 'src'), join(CONFIG_DIR, 'tsconfig.json'), LOCK], join(CONFIG_DIR, 'dist', 'index.js'), () =>
    run(join(BIN, 'tsc'), ['-b', 'config'], { cwd: ROOT }),
  );

/** `strapi build` compiles the server code and bundles the admin panel (~30–50 s). */
export const buildCms = (env: NodeJS.ProcessEnv) =>
  buildIfChanged(
    'cms',
    [
      join(CMS_DIR, 'src'),
      join(CMS_DIR, 'config'),
      join(CMS_DIR, 'database'),
      join(CMS_DIR, 'tsconfig.json'),
      join(CONFIG_DIR, 'dist'),
      // Its exports map: the admin bundle imports a subpath (@statdesk/config/regions).
      join(CONFIG_DIR, 'package.json'),
      LOCK,
    ],
    join(CMS_DIR, 'dist', 'build', 'index.html'),
    () => run(join(BIN, 'strapi'), ['build'], { cwd: CMS_DIR, env }),
  );

export const buildSite = (env: NodeJS.ProcessEnv = process.env) =>
  buildIfChanged(
    'site',
    [join(SITE_DIR, 'src'), join(SITE_DIR, 'public'), join(SITE_DIR, 'astro.config.mjs'), join(CONFIG_DIR, 'dist'), LOCK],
    join(SITE_DIR, 'dist', 'server', 'entry.mjs'),
    () => run(join(BIN, 'astro'), ['build'], { cwd: SITE_DIR, env: { ...env, ASTRO_TELEMETRY_DISABLED: '1' } }),
    `SITE_DOMAINS=${env.SITE_DOMAINS ?? ''}`,
  );
