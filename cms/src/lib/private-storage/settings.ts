import { resolve } from 'node:path';

export interface S3Settings {
  bucket: string;
  region: string;
  /** Unset for Amazon S3 itself; the server's URL for any other S3-compatible storage. */
  endpoint?: string;
  forcePathStyle: boolean;
  /** Unset: the SDK's own chain (environment, instance role). */
  credentials?: { accessKeyId: string; secretAccessKey: string };
  encryption: 'AES256' | 'aws:kms';
  kmsKeyId?: string;
}

export type PrivateStorageSettings = { kind: 'local'; root: string } | ({ kind: 's3' } & S3Settings);

type Env = Record<string, string | undefined>;

/** A setting that must be present once S3 is chosen; a missing one stops the upload, loudly. */
const required = (env: Env, name: string): string => {
  const value = env[name];
  if (!value) throw new Error(`PRIVATE_STORAGE=s3 needs ${name} (docs/deploy.md, "Files")`);
  return value;
};

function readS3Settings(env: Env): S3Settings {
  const encryption = env.S3_PRIVATE_ENCRYPTION ?? 'AES256';
  if (encryption !== 'AES256' && encryption !== 'aws:kms') throw new Error('S3_PRIVATE_ENCRYPTION must be AES256 or aws:kms');
  return {
    bucket: required(env, 'S3_PRIVATE_BUCKET'),
    region: env.S3_REGION ?? 'us-east-1',
    endpoint: env.S3_ENDPOINT || undefined,
    forcePathStyle: env.S3_FORCE_PATH_STYLE !== 'false',
    credentials: env.S3_ACCESS_KEY_ID
      ? { accessKeyId: env.S3_ACCESS_KEY_ID, secretAccessKey: required(env, 'S3_SECRET_ACCESS_KEY') }
      : undefined,
    encryption,
    kmsKeyId: env.S3_PRIVATE_KMS_KEY_ID || undefined,
  };
}

/**
 * Where private files go, from the environment (docs/deploy.md, "Files"): `PRIVATE_STORAGE=local`
 * (the default, folder PRIVATE_UPLOADS_DIR) or `s3` (bucket S3_PRIVATE_BUCKET).
 */
export function readPrivateStorageSettings(env: Env = process.env): PrivateStorageSettings {
  const kind = env.PRIVATE_STORAGE || 'local';
  if (kind === 's3') return { kind, ...readS3Settings(env) };
  if (kind !== 'local') throw new Error(`PRIVATE_STORAGE must be local or s3, not ${kind}`);
  return { kind, root: env.PRIVATE_UPLOADS_DIR ?? resolve(process.cwd(), '..', '.data', 'private-uploads') };
}
