import type { Readable } from 'node:stream';

/** One store of private files (a local folder or an S3-compatible bucket), by generated key. */
export interface PrivateStorage {
  put(key: string, bytes: Uint8Array): Promise<void>;
  /** The file as a stream, for answers; fails before any byte when the file is missing. */
  open(key: string): Promise<Readable>;
  /** The whole file, for the few callers that need its bytes (a cached PDF, a check). */
  get(key: string): Promise<Buffer>;
  /** Removes a file that belongs to nothing (a registration that was not committed). */
  remove(key: string): Promise<void>;
}
