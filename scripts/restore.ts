/**
 * `npm run restore <archive.tar.gz> [--replace]`: brings back a backup written by `npm run
 * backup`. Stop StatDesk first. Refuses a database that already holds tables unless --replace.
 */
import { existsSync } from 'node:fs';
import { restoreBackup } from './lib/backup/archive.ts';
import { fileFolders, readSettings } from './lib/backup/settings.ts';
import { openDatabase } from './lib/database.ts';

const args = process.argv.slice(2);
const archive = args.find((arg) => !arg.startsWith('--'));
if (!archive || !existsSync(archive)) {
  console.error('Usage: npm run restore -- <archive.tar.gz> [--replace]');
  process.exit(2);
}

const setting = readSettings();
const database = await openDatabase(setting);
try {
  const manifest = await restoreBackup({
    databaseUrl: database.url,
    folders: fileFolders(setting),
    archive,
    replace: args.includes('--replace'),
  });
  console.log(`Restored the backup of ${manifest.createdAt}: ${Object.keys(manifest.database.rows).length} tables and their files.`);
} catch (error) {
  console.error(`Restore failed: ${error instanceof Error ? error.message : error}`);
  process.exitCode = 1;
} finally {
  await database.close();
}
