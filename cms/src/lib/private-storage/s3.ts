import { Readable } from 'node:stream';
import { DeleteObjectCommand, GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { checkStorageKey } from './key';
import type { S3Settings } from './settings';
import type { PrivateStorage } from './types';

/**
 * Private files in an S3-compatible bucket with no public access (docs/deploy.md, "Files"): every
 * object is written with server-side encryption and read back as a stream, so a scan is never
 * held whole in memory on its way to a reviewer.
 */
export function s3Store(settings: S3Settings): PrivateStorage {
  const client = new S3Client({
    region: settings.region,
    endpoint: settings.endpoint,
    // Most S3-compatible servers (MinIO, Ceph, s3rver) address buckets by path, not host name.
    forcePathStyle: settings.forcePathStyle,
    credentials: settings.credentials,
  });
  const Bucket = settings.bucket;
  const open = async (key: string) => {
    const object = await client.send(new GetObjectCommand({ Bucket, Key: checkStorageKey(key) }));
    if (!(object.Body instanceof Readable)) throw new Error(`No body for private file ${key}`);
    return object.Body;
  };
  return {
    async put(key, bytes) {
      await client.send(
        new PutObjectCommand({
          Bucket,
          Key: checkStorageKey(key),
          Body: bytes,
          ContentLength: bytes.byteLength,
          ServerSideEncryption: settings.encryption,
          ...(settings.kmsKeyId && { SSEKMSKeyId: settings.kmsKeyId }),
        }),
      );
    },
    open,
    async get(key) {
      const chunks: Buffer[] = [];
      for await (const chunk of await open(key)) chunks.push(Buffer.from(chunk as Uint8Array));
      return Buffer.concat(chunks);
    },
    async remove(key) {
      await client.send(new DeleteObjectCommand({ Bucket, Key: checkStorageKey(key) }));
    },
  };
}
