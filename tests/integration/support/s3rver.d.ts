/** The part of s3rver's API the tests use (the package ships no types). */
declare module 's3rver' {
  import type { AddressInfo } from 'node:net';

  interface S3rverOptions {
    address?: string;
    port?: number;
    directory: string;
    silent?: boolean;
    configureBuckets?: Array<{ name: string }>;
  }
  export default class S3rver {
    constructor(options: S3rverOptions);
    /** Koa's middleware list: composed when the server starts listening. */
    middleware: Array<
      (
        ctx: { method: string; path: string; headers: Record<string, string | string[] | undefined> },
        next: () => Promise<void>,
      ) => Promise<void>
    >;
    run(): Promise<AddressInfo>;
    close(): Promise<void>;
  }
}
