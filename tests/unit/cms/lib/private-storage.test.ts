import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PRIVATE_STORES, startPrivateStore, type TestPrivateStore } from '../../../integration/support/private-stores.ts';

interface Modules {
  privateStorage(): {
    put(key: string, bytes: Uint8Array): Promise<void>;
    open(key: string): Promise<AsyncIterable<Buffer>>;
    get(key: string): Promise<Buffer>;
    remove(key: string): Promise<void>;
  };
  readPrivateStorageSettings(env: Record<string, string>): unknown;
  isMissingFile(error: unknown): boolean;
}
// cms/ compiles as CommonJS under its own tsconfig: a static import would pull its sources into
// the root type check (verbatimModuleSyntax), so the modules are loaded by a computed path.
const storagePath = '../../../../cms/src/lib/private-storage.ts';
const settingsPath = '../../../../cms/src/lib/private-storage/settings.ts';
const { privateStorage, isMissingFile } = (await import(storagePath)) as Pick<Modules, 'privateStorage' | 'isMissingFile'>;
const { readPrivateStorageSettings } = (await import(settingsPath)) as Pick<Modules, 'readPrivateStorageSettings'>;

const textOf = async (stream: AsyncIterable<Buffer | string>) => {
  let text = '';
  for await (const chunk of stream) text += chunk;
  return text;
};

describe.each(PRIVATE_STORES)('the %s private store', (kind) => {
  let store: TestPrivateStore;
  beforeAll(async () => {
    store = await startPrivateStore(kind);
    Object.assign(process.env, store.env);
  });
  afterAll(() => store?.stop());

  it('keeps a file under its key, streams it back and removes it', async () => {
    const files = privateStorage();
    await files.put('attachments/SJ-2026-000001/1-a.pdf', Buffer.from('%PDF-1.7 申请表'));
    expect(await store.keys()).toEqual(['attachments/SJ-2026-000001/1-a.pdf']);
    expect(await textOf(await files.open('attachments/SJ-2026-000001/1-a.pdf'))).toBe('%PDF-1.7 申请表');
    expect((await files.get('attachments/SJ-2026-000001/1-a.pdf')).toString()).toBe('%PDF-1.7 申请表');
    await files.remove('attachments/SJ-2026-000001/1-a.pdf');
    expect(await store.keys()).toEqual([]);
  });

  it.runIf(kind === 's3')('asks the bucket to encrypt every file it writes', async () => {
    await privateStorage().put('stamped-forms/SJ-2026-000001/1-b.pdf', Buffer.from('%PDF-1.7'));
    expect(store.encryptionOfPuts.get('stamped-forms/SJ-2026-000001/1-b.pdf')).toBe('AES256');
  });

  it('fails before streaming a file that is not there, and says it is missing', async () => {
    await expect(privateStorage().open('attachments/none.pdf')).rejects.toSatisfy(isMissingFile);
    await expect(privateStorage().get('pdf-cache/none.pdf')).rejects.toSatisfy(isMissingFile);
    expect(isMissingFile(new Error('connect ECONNREFUSED'))).toBe(false);
  });

  it('refuses a key that climbs out of its folder or bucket prefix', async () => {
    await expect(privateStorage().put('../etc/passwd', Buffer.from('x'))).rejects.toThrow('Refusing storage key');
  });
});

describe('private storage settings', () => {
  it('keeps the local folder unless S3 is chosen', () => {
    expect(readPrivateStorageSettings({ PRIVATE_UPLOADS_DIR: '/srv/private' })).toEqual({ kind: 'local', root: '/srv/private' });
  });

  it('asks S3 for server-side encryption, AES256 unless KMS is named', () => {
    const s3 = { PRIVATE_STORAGE: 's3', S3_PRIVATE_BUCKET: 'scans', S3_ENDPOINT: 'http://minio:9000' };
    expect(readPrivateStorageSettings(s3)).toMatchObject({ kind: 's3', bucket: 'scans', encryption: 'AES256', forcePathStyle: true });
    expect(readPrivateStorageSettings({ ...s3, S3_PRIVATE_ENCRYPTION: 'aws:kms', S3_PRIVATE_KMS_KEY_ID: 'k1' })).toMatchObject({
      encryption: 'aws:kms',
      kmsKeyId: 'k1',
    });
  });

  it('names the missing setting when S3 is chosen without a bucket, or an unknown store', () => {
    expect(() => readPrivateStorageSettings({ PRIVATE_STORAGE: 's3' })).toThrow('PRIVATE_STORAGE=s3 needs S3_PRIVATE_BUCKET');
    expect(() => readPrivateStorageSettings({ PRIVATE_STORAGE: 'nfs' })).toThrow('PRIVATE_STORAGE must be local or s3, not nfs');
  });
});
