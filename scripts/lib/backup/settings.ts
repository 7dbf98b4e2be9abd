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

/**
 * The folders Strapi writes to: PUBLIC_DIR/uploads (cms/config/server.ts) and the private scans
 * (cms/src/lib/private-storage.ts). A kind of file kept in an S3 bucket instead has no folder: the
 * backup leaves it to the bucket's versioning and replication (docs/deploy.md, "Backups").
 */
export const fileFolders = (setting: Setting): FileFolders => ({
  uploads: setting('S3_PUBLIC_BUCKET', '') ? undefined : join(resolve(CMS_DIR, setting('PUBLIC_DIR', './public')), 'uploads'),
  private:
    setting('PRIVATE_STORAGE', 'local') === 's3'
      ? undefined
      : resolve(CMS_DIR, setting('PRIVATE_UPLOADS_DIR', join(DATA_DIR, 'private-uploads'))),
});

/** The buckets that hold files the backup does not, for its report. */
export const bucketsOutsideBackup = (setting: Setting): string[] =>
  [setting('S3_PUBLIC_BUCKET', ''), setting('PRIVATE_STORAGE', 'local') === 's3' ? setting('S3_PRIVATE_BUCKET', '') : '']
    .filter(Boolean)
    .map((bucket) => `S3 bucket ${bucket}`);
