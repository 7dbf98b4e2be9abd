import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Staff, signInAs } from '../support/admin.ts';
import { validInstitution } from '../support/fixtures.ts';
import { postJson, type Submitted } from '../support/http.ts';
import { startPrivateStore, type TestPrivateStore } from '../support/private-stores.ts';
import { bootCms, type TestCms } from '../support/strapi.ts';

const textOf = async (pdf: Buffer) => {
  const child = promisify(execFile)('pdftotext', ['-', '-'], { encoding: 'utf8' });
  child.child.stdin?.end(pdf);
  return (await child).stdout;
};

/**
 * A printed form is kept by what it shows (cms/src/lib/pdf-cache.ts): a second download is a read
 * of the stored copy, and a changed record or template prints anew. Chromium stamps every print
 * with its time, so identical bytes mean the copy was served, not printed again.
 */
describe('printed forms kept per version of record and template', () => {
  let cms: TestCms;
  let store: TestPrivateStore;
  let editor: Staff;
  let record: Submitted & { token: string };
  const download = async () => {
    const response = await fetch(`${cms.url}/api/public/records/${record.applicationNo}/form.pdf`, {
      headers: { authorization: `Bearer ${record.token}` },
    });
    expect(response.status).toBe(200);
    return Buffer.from(await response.arrayBuffer());
  };
  const cachedCopies = async () => (await store.keys()).filter((key) => key.startsWith('pdf-cache/'));

  beforeAll(async () => {
    store = await startPrivateStore('local');
    cms = await bootCms('printed_form_cache', store.env);
    editor = await signInAs(cms, 'Content editor', 'editor.cache@stats.example');
    record = (await postJson<Submitted & { token: string }>(cms.url, '/api/public/institutions', validInstitution())).body;
  });
  afterAll(async () => {
    await cms?.stop();
    await store?.stop();
  });

  let first: Buffer;
  it('serves the second download of an unchanged form from the stored copy', async () => {
    first = await download();
    expect(await textOf(first)).toContain(record.applicationNo);
    expect((await download()).equals(first)).toBe(true);
    expect(await cachedCopies()).toHaveLength(1);
    // The first print of a process starts Chromium and loads the CJK fonts.
  }, 180_000);

  it('prints anew when the record changes', async () => {
    await cms.strapi.db
      .query('api::institution.institution')
      .update({ where: { recordNo: record.applicationNo }, data: { fullName: '改名后的研究院' } });
    const changed = await download();
    expect(changed.equals(first)).toBe(false);
    expect((await textOf(changed)).replace(/\s/g, '')).toContain('改名后的研究院');
    expect((await download()).equals(changed)).toBe(true);
    expect(await cachedCopies()).toHaveLength(2);
  });

  it('prints anew when the template changes, and serves the old copy again once it is reset', async () => {
    const before = await download();
    const saved = await editor.json('PUT', '/review-desk/templates/institution', { source: '<main>模板已修改 {{recordNo}}</main>' });
    expect(saved.status).toBe(200);
    const overridden = await download();
    expect((await textOf(overridden)).replace(/\s/g, '')).toContain(`模板已修改${record.applicationNo}`);
    expect(await cachedCopies()).toHaveLength(3);
    expect((await editor.json('DELETE', '/review-desk/templates/institution')).status).toBe(200);
    expect((await download()).equals(before)).toBe(true);
    expect(await cachedCopies()).toHaveLength(3);
  });
});
