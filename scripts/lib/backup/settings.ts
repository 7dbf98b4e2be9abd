import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Setting } from '../database.ts';
import { CMS_DIR, DATA_DIR, ROOT } from '../paths.ts';
import { parseDotEnv } from '../secrets.ts';
import type { FileFolders } from './archive.ts';

/** Settings as `npm start` sees them (environment over .env), read without writing .env. */
export function readSettings(): Setting {
  const path = join(ROOT, '.env');
  const fromFile = existsSync(path) ? parseDotEnv(readFileSync(path, 'utf8')) : {};
  return (name, fallback) => process.env[name] ?? fromFile[name] ?? fallback;
}

/** The folders Strapi writes to: PUBLIC_DIR/uploads (cms/config/server.ts) and the private scans (cms/src/lib/private-storage.ts). */
export const fileFolders = (setting: Setting): FileFolders => ({
  uploads: join(resolve(CMS_DIR, setting('PUBLIC_DIR', './public')), 'uploads'),
  private: resolve(CMS_DIR, setting('PRIVATE_UPLOADS_DIR', join(DATA_DIR, 'private-uploads'))),
});
