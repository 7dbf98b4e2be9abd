import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import * as tar from 'tar';
import { type DatabaseContents, dumpDatabase } from './dump.ts';
import { loadDatabase } from './load.ts';

/**
 * Where StatDesk keeps files: Strapi's public uploads and the private scans (DESIGN.md). A kind
 * kept in an S3 bucket has no folder here and is neither backed up nor restored.
 */
export interface FileFolders {
  uploads: string | undefined;
  private: string | undefined;
}

interface Manifest {
  format: typeof FORMAT;
  createdAt: string;
  database: DatabaseContents;
  files: Record<keyof FileFolders, number>;
}

const FORMAT = 'statdesk-backup/1';
const FOLDERS = ['uploads', 'private'] as const;

const isPdfCache = (root: string, path: string) => relative(root, path).split(sep)[0] === 'pdf-cache';

const countFiles = (dir: string): number =>
  existsSync(dir) ? readdirSync(dir, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile()).length : 0;

function withStaging<T>(work: (staging: string) => Promise<T>): Promise<T> {
  const staging = mkdtempSync(join(tmpdir(), 'statdesk-backup-'));
  return work(staging).finally(() => rmSync(staging, { recursive: true, force: true }));
}

/**
 * Writes a .tar.gz holding the database and both file folders. The database is copied first:
 * every file a committed record names was written before its record committed, so the files
 * copied afterwards include all of them (files of later records are harmless extras).
 */
export function writeBackup(options: { databaseUrl: string; folders: FileFolders; archive: string }): Promise<Manifest> {
  return withStaging(async (staging) => {
    const database = await dumpDatabase(options.databaseUrl, join(staging, 'database'));
    const files = {} as Manifest['files'];
    for (const folder of FOLDERS) {
      const target = join(staging, 'files', folder);
      mkdirSync(target, { recursive: true });
      const source = options.folders[folder];
      // Printed forms kept to be served again (cms/src/lib/pdf-cache.ts) can be printed anew.
      if (source && existsSync(source)) cpSync(source, target, { recursive: true, filter: (path) => !isPdfCache(source, path) });
      files[folder] = countFiles(target);
    }
    const manifest: Manifest = { format: FORMAT, createdAt: new Date().toISOString(), database, files };
    writeFileSync(join(staging, 'manifest.json'), JSON.stringify(manifest, null, 2));
    mkdirSync(dirname(resolve(options.archive)), { recursive: true });
    await tar.c({ gzip: true, file: options.archive, cwd: staging, portable: true }, ['manifest.json', 'database', 'files']);
    return manifest;
  });
}

function readManifest(staging: string): Manifest {
  const path = join(staging, 'manifest.json');
  const manifest = existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as Manifest) : undefined;
  if (manifest?.format !== FORMAT) throw new Error(`Not a StatDesk backup (expected ${FORMAT} in manifest.json).`);
  return manifest;
}

/**
 * Brings an archive back: the database in one transaction, then each file folder replaced by
 * the archive's copy. `replace` allows overwriting a database that already holds tables.
 */
export function restoreBackup(options: {
  databaseUrl: string;
  folders: FileFolders;
  archive: string;
  replace: boolean;
}): Promise<Manifest> {
  return withStaging(async (staging) => {
    await tar.x({ file: options.archive, cwd: staging, strict: true });
    const manifest = readManifest(staging);
    await loadDatabase(options.databaseUrl, join(staging, 'database'), manifest.database, { replace: options.replace });
    for (const folder of FOLDERS) {
      const target = options.folders[folder];
      if (!target) continue;
      rmSync(target, { recursive: true, force: true });
      mkdirSync(target, { recursive: true });
      cpSync(join(staging, 'files', folder), target, { recursive: true });
    }
    return manifest;
  });
}
