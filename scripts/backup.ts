/**
 * `npm run backup [archive.tar.gz]`: a consistent copy of the database and the uploaded files
 * (docs/operations.md, "Backups and restore"). Safe while StatDesk runs. Default archive:
 * backups/statdesk-<time>.tar.gz.
 */
import { join } from 'node:path';
import { writeBackup } from './lib/backup/archive.ts';
import { bucketsOutsideBackup, fileFolders, readSettings } from './lib/backup/settings.ts';
import { openDatabase } from './lib/database.ts';
import { ROOT } from './lib/paths.ts';

const setting = readSettings();
const stamp = new Date().toISOString().replace(/[:.]/g, '-');
const archive = process.argv[2] ?? join(ROOT, 'backups', `statdesk-${stamp}.tar.gz`);

const database = await openDatabase(setting);
try {
  const manifest = await writeBackup({ databaseUrl: database.url, folders: fileFolders(setting), archive });
  const rows = Object.values(manifest.database.rows).reduce((sum, n) => sum + n, 0);
  const tables = Object.keys(manifest.database.rows).length;
  console.log(`Backup written to ${archive}`);
  console.log(`  ${tables} tables, ${rows} rows; ${manifest.files.uploads} public and ${manifest.files.private} private files.`);
  const buckets = bucketsOutsideBackup(setting);
  if (buckets.length > 0)
    console.log(`  Not in this backup: the files in ${buckets.join(' and ')}; keep them with the bucket's versioning and replication.`);
} catch (error) {
  console.error(`Backup failed: ${error instanceof Error ? error.message : error}`);
  process.exitCode = 1;
} finally {
  await database.close();
}
