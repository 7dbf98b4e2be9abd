import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ROOT } from '../../../scripts/lib/paths.ts';
import { findFreePort } from '../../../scripts/lib/ports.ts';
import type { Service } from '../../../scripts/lib/processes.ts';
import { startCms } from '../../../scripts/lib/stack.ts';
import { queryRows, uniqueDatabaseName } from '../../support/postgres.ts';
import { postFile, SAMPLE_PDF } from '../support/files.ts';
import { validDataApplication, validInstitution, validStatistician } from '../support/fixtures.ts';
import { getJson, postJson, type Submitted } from '../support/http.ts';
import { PRIVATE_STORES, startPrivateStore, type TestPrivateStore } from '../support/private-stores.ts';
import { approvedInstitution } from '../support/review.ts';
import { bootCms, createApiToken, type TestCms } from '../support/strapi.ts';

const run = promisify(execFile);

/** Runs `npm run backup` / `npm run restore`'s script against the given database and folders. */
const cli = (script: string, args: string[], env: Record<string, string>) =>
  run(process.execPath, [join(ROOT, 'scripts', script), ...args], { cwd: ROOT, env: { ...process.env, ...env } });

const query = queryRows;

/** Every table's row count and a hash of its rows in a fixed order, and every sequence's value. */
async function contentsOf(url: string): Promise<Record<string, string>> {
  const tables = await query<{ name: string }>(
    url,
    `select relname as name from pg_class where relnamespace = 'public'::regnamespace and relkind = 'r'`,
  );
  const contents: Record<string, string> = {};
  for (const { name } of tables) {
    const [row] = await query<{ n: number; hash: string }>(
      url,
      `select count(*)::int as n, md5(coalesce(string_agg(t::text, E'\\n' order by t::text), '')) as hash from "${name}" t`,
    );
    contents[name] = `${row?.n} rows ${row?.hash}`;
  }
  const sequences = await query<{ name: string }>(
    url,
    `select relname as name from pg_class where relnamespace = 'public'::regnamespace and relkind = 'S'`,
  );
  for (const { name } of sequences)
    contents[`sequence ${name}`] =
      (await query<{ v: string }>(url, `select last_value::text || is_called as v from "${name}"`))[0]?.v ?? '';
  return contents;
}

/**
 * What the restored database must hold: the source as it was, table by table. The running Strapi
 * may write a table of its own (its settings store, a session) while the backup is taken, so a
 * table that changed between the check before the backup and the one after may be restored as
 * either; every other table must be restored exactly.
 */
function sourceAsBackedUp(before: Record<string, string>, after: Record<string, string>, restored: Record<string, string>) {
  const expected: Record<string, string> = {};
  for (const [name, now] of Object.entries(after)) {
    const then = before[name];
    expected[name] = then !== undefined && then !== now && restored[name] === then ? then : now;
  }
  return expected;
}

/** The schema as the catalog describes it: columns, constraints, indexes, triggers, functions, partitions. */
async function catalogOf(url: string): Promise<string[]> {
  const rows = await query<{ line: string }>(
    url,
    `select concat_ws(' ', 'column', c.relname, a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull, pg_get_expr(d.adbin, d.adrelid)) as line
       from pg_attribute a join pg_class c on c.oid = a.attrelid left join pg_attrdef d on d.adrelid = a.attrelid and d.adnum = a.attnum
      where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'p') and a.attnum > 0 and not a.attisdropped
     union all select concat_ws(' ', 'constraint', conrelid::regclass, conname, pg_get_constraintdef(oid)) from pg_constraint where connamespace = 'public'::regnamespace
     union all select concat_ws(' ', 'index', pg_get_indexdef(indexrelid)) from pg_index i join pg_class c on c.oid = i.indexrelid where c.relnamespace = 'public'::regnamespace
     union all select concat_ws(' ', 'trigger', pg_get_triggerdef(oid)) from pg_trigger where not tgisinternal
     union all select concat_ws(' ', 'function', pg_get_functiondef(oid)) from pg_proc where pronamespace = 'public'::regnamespace
     union all select concat_ws(' ', 'partition', relname, pg_get_expr(relpartbound, oid)) from pg_class where relispartition and relnamespace = 'public'::regnamespace`,
  );
  return rows.map((row) => row.line).sort();
}

/** Each file under a folder with the SHA-256 of its bytes. */
function filesOf(dir: string): Record<string, string> {
  const entries = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());
  return Object.fromEntries(
    entries.map((entry) => {
      const path = join(entry.parentPath, entry.name);
      return [path.slice(dir.length), createHash('sha256').update(readFileSync(path)).digest('hex')];
    }),
  );
}

/**
 * docs/operations.md, "Backups and restore": a populated system (records, scans, registrations,
 * partitioned login events, public media) is written to an archive while Strapi runs, restored
 * into an empty database and folders, compared row by row and file by file, and served again by a
 * Strapi started on it. With private files in an S3 bucket, the backup holds only the local folders
 * and says so; the restored database's keys still name files in the bucket (docs/deploy.md, "Backups").
 */
describe.each(PRIVATE_STORES)('npm run backup and npm run restore, private files in the %s store', (kind) => {
  let store: TestPrivateStore;
  let cms: TestCms;
  let work: string;
  let source: { uploads: string; private: string };
  let application: Submitted & { token: string };
  const phone = '13800138111';
  const restoredDatabase = uniqueDatabaseName('restored');
  const restoredUrl = `${inject('postgresBaseUrl')}/${restoredDatabase}`;
  let restored: { uploads: string; private: string; public: string };
  let restoredCms: Service | undefined;

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'statdesk-backup-test-'));
    restored = { public: join(work, 'public'), uploads: join(work, 'public', 'uploads'), private: join(work, 'private') };
    store = await startPrivateStore(kind, { publicMedia: true });
    cms = await bootCms('backup_source', store.env);
    source = { uploads: join(process.env.PUBLIC_DIR ?? '', 'uploads'), private: process.env.PRIVATE_UPLOADS_DIR ?? '' };
    const institution = await approvedInstitution(cms, { contactPhone: phone });
    application = (
      await postJson<Submitted & { token: string }>(
        cms.url,
        '/api/public/data-applications',
        validDataApplication(institution.applicationNo, { leaderPhone: phone }),
      )
    ).body;
    expect(
      (
        await postFile(`${cms.url}/api/public/records/${application.applicationNo}/attachments`, SAMPLE_PDF, '立项书.pdf', {
          authorization: `Bearer ${application.token}`,
        })
      ).status,
    ).toBe(201);
    expect((await postJson(cms.url, '/api/public/statisticians', validStatistician())).status).toBe(201);
    const token = await createApiToken(cms, 'full-access');
    const events = ['2026-10-03T02:00:00Z', '2026-11-05T02:00:00Z'].map((at, i) => ({
      account: `a${i}`,
      enterpriseCode: '91510104MA0000001E',
      accountKind: 'enterprise',
      ip: '10.0.0.1',
      at,
    }));
    const ingested = await fetch(`${cms.url}/api/direct-report/login-events`, {
      method: 'POST',
      body: JSON.stringify(events),
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    });
    expect(ingested.status).toBe(200);
    // The media library takes pictures, PDFs and Office documents only.
    const media = join(work, 'codebook.pdf');
    writeFileSync(media, SAMPLE_PDF);
    const upload = cms.strapi.plugin('upload').service('upload') as { upload(input: object): Promise<unknown> };
    const [uploaded] = (await upload.upload({
      data: {},
      files: { filepath: media, originalFilename: 'codebook.pdf', mimetype: 'application/pdf', size: SAMPLE_PDF.length },
    })) as Array<{ url: string }>;
    // With S3, the media library goes through Strapi's own provider to the public bucket.
    if (kind === 's3') {
      expect(uploaded?.url).toMatch(new RegExp(`^${process.env.S3_PUBLIC_URL}/codebook_[0-9a-f]+\\.pdf$`));
      expect(await store.keys('public')).toContainEqual(expect.stringMatching(/^codebook_[0-9a-f]+\.pdf$/));
    }
  }, 120_000);
  afterAll(async () => {
    await restoredCms?.stop();
    await cms?.stop();
    await query(`${inject('postgresBaseUrl')}/postgres`, `drop database if exists "${restoredDatabase}" with (force)`);
    await store?.stop();
    rmSync(work, { recursive: true, force: true });
  });

  it('writes an archive while Strapi runs and restores every row, sequence, schema object and file', async () => {
    const archive = join(work, 'backup.tar.gz');
    const beforeBackup = await contentsOf(cms.databaseUrl);
    const backup = await cli('backup.ts', [archive], {
      DATABASE_URL: cms.databaseUrl,
      PUBLIC_DIR: process.env.PUBLIC_DIR ?? '',
      PRIVATE_UPLOADS_DIR: source.private,
    });
    expect(backup.stdout).toContain(`Backup written to ${archive}`);
    const privateFilesInBackup = kind === 'local' ? 1 : 0;
    expect(backup.stdout).toContain(`; ${Object.keys(filesOf(source.uploads)).length} public and ${privateFilesInBackup} private files.`);
    if (kind === 's3')
      expect(backup.stdout).toContain(
        "Not in this backup: the files in S3 bucket statdesk-public and S3 bucket statdesk-private; keep them with the bucket's versioning and replication.",
      );

    await query(`${inject('postgresBaseUrl')}/postgres`, `create database "${restoredDatabase}"`);
    const env = { DATABASE_URL: restoredUrl, PUBLIC_DIR: restored.public, PRIVATE_UPLOADS_DIR: restored.private };
    expect((await cli('restore.ts', [archive], env)).stdout).toContain('Restored the backup of');

    const restoredContents = await contentsOf(restoredUrl);
    expect(restoredContents).toEqual(sourceAsBackedUp(beforeBackup, await contentsOf(cms.databaseUrl), restoredContents));
    expect(await catalogOf(restoredUrl)).toEqual(await catalogOf(cms.databaseUrl));
    if (kind === 'local') {
      expect(filesOf(restored.uploads)).toEqual(filesOf(source.uploads));
      expect(filesOf(restored.private)).toEqual(filesOf(source.private));
      expect(Object.keys(filesOf(restored.private))).toHaveLength(1);
    } else {
      // The buckets are not the backup's to restore: no local folder is made for their files.
      expect(existsSync(restored.uploads)).toBe(false);
      expect(existsSync(restored.private)).toBe(false);
    }
    // Each private file the restored database names is there, in the restored folder or the bucket.
    const keys = await query<{ key: string }>(restoredUrl, 'select storage_key as key from attachments');
    expect(keys).toHaveLength(1);
    for (const { key } of keys) {
      const bytes = kind === 'local' ? readFileSync(join(restored.private, key)) : await store.read(key);
      expect(bytes.equals(SAMPLE_PDF)).toBe(true);
    }

    // A second restore into the now populated database is refused unless told to replace it.
    const again = await cli('restore.ts', [archive], env).catch((error: { code: number; stderr: string }) => error);
    expect(again).toMatchObject({ code: 1, stderr: expect.stringContaining('pass --replace') });
    await cli('restore.ts', [archive, '--replace'], env);
    // Against the first restore, not the source: the running Strapi may write its settings store
    // in the seconds since (a CI run saw strapi_core_store_settings change after the first check).
    expect(await contentsOf(restoredUrl)).toEqual(restoredContents);
  }, 120_000);

  it('is served again by a Strapi started on the restored database with the same secrets', async () => {
    const port = await findFreePort();
    const env = { ...process.env, DATABASE_URL: restoredUrl, PUBLIC_DIR: restored.public, PRIVATE_UPLOADS_DIR: restored.private };
    restoredCms = await startCms({ port, env });
    const url = `http://127.0.0.1:${port}`;
    const opened = await postJson<{ token: string; records: Array<{ applicationNo: string }> }>(url, '/api/public/query', {
      phone,
      password: application.queryPassword,
    });
    expect(opened.status).toBe(200);
    const listed = await getJson<{ attachments: Array<{ fileName: string }> }>(
      url,
      `/api/public/records/${application.applicationNo}/attachments`,
      { authorization: `Bearer ${opened.body.token}` },
    );
    expect(listed.body.attachments.map((file) => file.fileName)).toEqual(['立项书.pdf']);
    // Numbering carries on from the restored counters instead of handing out a number twice.
    const next = await postJson<Submitted>(url, '/api/public/institutions', validInstitution());
    expect(next.status).toBe(201);
    const existing = await query<{ no: string }>(restoredUrl, `select record_no as no from institutions`);
    expect(existing.filter((row) => row.no === next.body.applicationNo)).toHaveLength(1);
  }, 120_000);

  it('refuses a file that is not a StatDesk backup', async () => {
    const bogus = join(work, 'bogus.tar.gz');
    writeFileSync(bogus, 'not an archive');
    const failed = await cli('restore.ts', [bogus], {
      DATABASE_URL: restoredUrl,
      PUBLIC_DIR: restored.public,
      PRIVATE_UPLOADS_DIR: restored.private,
    }).catch((error: { code: number; stderr: string }) => error);
    expect(failed).toMatchObject({ code: 1, stderr: expect.stringContaining('Restore failed') });
  });
});
