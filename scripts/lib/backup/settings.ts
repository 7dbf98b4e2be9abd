import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { CMS_DIR, DATA_DIR, ROOT } from '../paths.ts';
import { parseDotEnv, type Setting, settingFrom } from '../secrets.ts';
import type { FileFolders } from './archive.ts';

/** Settings as `npm start` sees them (environment over .env), read without writing .env. */
export function readSettings(): Setting {
  const path = join(ROOT, '.env');
  return settingFrom(existsSync(path) ? parseDotEnv(readFileSync(path, 'utf8')) : {});
}

/** The folders Strapi writes to: PUBLIC_DIR/uploads (cms/config/server.ts) and the private scans (cms/src/lib/private-storage.ts). */
export const fileFolders = (setting: Setting): FileFolders => ({
  uploads: join(resolve(CMS_DIR, setting('PUBLIC_DIR', './public')), 'uploads'),
  private: resolve(CMS_DIR, setting('PRIVATE_UPLOADS_DIR', join(DATA_DIR, 'private-uploads'))),
});
