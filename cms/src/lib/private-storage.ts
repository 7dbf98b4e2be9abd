import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';

/**
 * Uploaded scans live outside any public URL (Strapi serves /uploads to anyone, DESIGN.md).
 * Local disk by default; keys are generated here, never taken from a file name.
 */
export interface PrivateStorage {
  put(key: string, bytes: Uint8Array): Promise<void>;
  get(key: string): Promise<Buffer>;
  /** Removes a file that belongs to nothing (a registration that was not committed). */
  remove(key: string): Promise<void>;
}

export function localStorage(
  root = process.env.PRIVATE_UPLOADS_DIR ?? resolve(process.cwd(), '..', '.data', 'private-uploads'),
): PrivateStorage {
  const pathOf = (key: string) => {
    if (!/^[a-z0-9/_.-]+$/i.test(key) || key.includes('..')) throw new Error(`Refusing storage key ${key}`);
    return join(root, key);
  };
  return {
    async put(key, bytes) {
      await mkdir(dirname(pathOf(key)), { recursive: true });
      await writeFile(pathOf(key), bytes, { mode: 0o600 });
    },
    get: (key) => readFile(pathOf(key)),
    remove: (key) => rm(pathOf(key), { force: true }),
  };
}
