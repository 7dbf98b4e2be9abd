import { mkdir, open, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { checkStorageKey } from './key';
import type { PrivateStorage } from './types';

/** Private files in a folder of this machine, or one every instance mounts (docs/deploy.md). */
export function localStore(root: string): PrivateStorage {
  const pathOf = (key: string) => join(root, checkStorageKey(key));
  return {
    async put(key, bytes) {
      await mkdir(dirname(pathOf(key)), { recursive: true });
      await writeFile(pathOf(key), bytes, { mode: 0o600 });
    },
    // The file is opened before the stream is handed over, so a missing file fails here and not
    // half-way through an answer whose headers are already sent.
    async open(key) {
      const handle = await open(pathOf(key), 'r');
      return handle.createReadStream();
    },
    get: (key) => readFile(pathOf(key)),
    remove: (key) => rm(pathOf(key), { force: true }),
  };
}
