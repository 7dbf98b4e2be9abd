import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { GetObjectCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import S3rver from 's3rver';

/** The private stores StatDesk ships (cms/src/lib/private-storage/): files tests run against each. */
export const PRIVATE_STORES = ['local', 's3'] as const;
export type PrivateStoreKind = (typeof PRIVATE_STORES)[number];

/** A private store started for one test file, with a way to look at what it holds. */
export interface TestPrivateStore {
  kind: PrivateStoreKind;
  /** Settings for Strapi (bootCms, startCms) that choose this store. */
  env: Record<string, string>;
  /** Every stored key, sorted; of the public media bucket when asked (S3 with publicMedia only). */
  keys(bucket?: 'public'): Promise<string[]>;
  read(key: string): Promise<Buffer>;
  /** The server-side encryption each PUT asked for, by key (S3 only). */
  encryptionOfPuts: Map<string, string | undefined>;
  stop(): Promise<void>;
}

const BUCKET = 'statdesk-private';
const PUBLIC_BUCKET = 'statdesk-public';
/** s3rver's built-in account (its README). */
const CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };

function startLocalStore(): TestPrivateStore {
  const folder = mkdtempSync(join(tmpdir(), 'statdesk-private-'));
  const files = () => readdirSync(folder, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());
  return {
    kind: 'local',
    env: { PRIVATE_STORAGE: 'local', PRIVATE_UPLOADS_DIR: folder },
    keys: async () =>
      files()
        .map((entry) => relative(folder, join(entry.parentPath, entry.name)))
        .sort(),
    read: async (key) => readFileSync(join(folder, key)),
    encryptionOfPuts: new Map(),
    stop: async () => rmSync(folder, { recursive: true, force: true }),
  };
}

/**
 * A real S3-compatible server (s3rver) on a free port with its data in a temporary folder, and
 * one bucket. It records the encryption header of every PUT, since s3rver itself keeps none.
 */
async function startS3Store(publicMedia: boolean): Promise<TestPrivateStore> {
  const directory = mkdtempSync(join(tmpdir(), 'statdesk-s3rver-'));
  const buckets = [{ name: BUCKET }, { name: PUBLIC_BUCKET }];
  const server = new S3rver({ address: '127.0.0.1', port: 0, directory, silent: true, configureBuckets: buckets });
  const encryptionOfPuts = new Map<string, string | undefined>();
  server.middleware.unshift(async (ctx, next) => {
    if (ctx.method === 'PUT')
      encryptionOfPuts.set(ctx.path.replace(`/${BUCKET}/`, ''), ctx.headers['x-amz-server-side-encryption'] as string);
    await next();
  });
  const { port } = await server.run();
  const endpoint = `http://127.0.0.1:${port}`;
  const client = new S3Client({ endpoint, region: 'us-east-1', forcePathStyle: true, credentials: CREDENTIALS });
  const env = {
    PRIVATE_STORAGE: 's3',
    S3_ENDPOINT: endpoint,
    S3_REGION: 'us-east-1',
    S3_ACCESS_KEY_ID: CREDENTIALS.accessKeyId,
    S3_SECRET_ACCESS_KEY: CREDENTIALS.secretAccessKey,
    S3_PRIVATE_BUCKET: BUCKET,
    ...(publicMedia && { S3_PUBLIC_BUCKET: PUBLIC_BUCKET, S3_PUBLIC_URL: `${endpoint}/${PUBLIC_BUCKET}` }),
  };
  return {
    kind: 's3',
    env,
    async keys(bucket) {
      const listed = await client.send(new ListObjectsV2Command({ Bucket: bucket === 'public' ? PUBLIC_BUCKET : BUCKET }));
      return (listed.Contents ?? []).map((object) => object.Key ?? '').sort();
    },
    async read(key) {
      const object = await client.send(new GetObjectCommand({ Bucket: BUCKET, Key: key }));
      return Buffer.from((await object.Body?.transformToByteArray()) ?? []);
    },
    encryptionOfPuts,
    async stop() {
      client.destroy();
      await server.close();
      rmSync(directory, { recursive: true, force: true });
      // bootCms copies settings into process.env: leave none pointing at a stopped server.
      for (const name of Object.keys(env)) delete process.env[name];
    },
  };
}

/** `publicMedia`: the media library goes to the same S3 server too (Strapi's S3 provider). */
export const startPrivateStore = (kind: PrivateStoreKind, options: { publicMedia?: boolean } = {}): Promise<TestPrivateStore> =>
  kind === 's3' ? startS3Store(options.publicMedia ?? false) : Promise.resolve(startLocalStore());
