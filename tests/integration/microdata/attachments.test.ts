import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInAs } from '../support/admin.ts';
import { ELF, postFile, SAMPLE_PDF, SAMPLE_PNG } from '../support/files.ts';
import { validDataApplication } from '../support/fixtures.ts';
import { getJson, postJson } from '../support/http.ts';
import { PRIVATE_STORES, startPrivateStore, type TestPrivateStore } from '../support/private-stores.ts';
import { approvedInstitution, approveWithoutScan } from '../support/review.ts';
import { bootCms, type TestCms } from '../support/strapi.ts';

interface Submitted {
  applicationNo: string;
  token: string;
}

/** Against each private store StatDesk ships: a local folder and an S3-compatible bucket. */
describe.each(PRIVATE_STORES)('attachments of a data application, stored in the %s store', (kind) => {
  let cms: TestCms;
  let store: TestPrivateStore;
  let institution: Submitted;
  let application: Submitted;
  const attach = (record: Submitted, bytes: Buffer, name: string) =>
    postFile(`${cms.url}/api/public/records/${record.applicationNo}/attachments`, bytes, name, { authorization: `Bearer ${record.token}` });

  beforeAll(async () => {
    store = await startPrivateStore(kind);
    cms = await bootCms('attachments', store.env);
    institution = await approvedInstitution(cms);
    application = (await postJson<Submitted>(cms.url, '/api/public/data-applications', validDataApplication(institution.applicationNo)))
      .body;
  });
  afterAll(async () => {
    await cms?.stop();
    await store?.stop();
  });

  it('lets the applicant add PDFs and images with the token the submission returned', async () => {
    expect((await attach(application, SAMPLE_PDF, '项目立项书.pdf')).status).toBe(201);
    const second = await attach(application, SAMPLE_PNG, '伦理审查.png');
    expect(second.status).toBe(201);
    expect(second.body.attachments).toEqual([
      expect.objectContaining({ fileName: '项目立项书.pdf', mime: 'application/pdf' }),
      expect.objectContaining({ fileName: '伦理审查.png', mime: 'image/png' }),
    ]);
    const listed = await getJson<{ attachments: unknown[] }>(cms.url, `/api/public/records/${application.applicationNo}/attachments`, {
      authorization: `Bearer ${application.token}`,
    });
    expect(listed.body.attachments).toHaveLength(2);
    expect(JSON.stringify(listed.body)).not.toContain('storageKey');
  });

  it('keeps each attachment in the store and gives the reviewer the same bytes back', async () => {
    const stored = (await store.keys()).map((key) => key.replace(/\/\d+-[0-9a-f-]+\./, '/<time>-<uuid>.')).sort();
    expect(stored).toEqual([
      `attachments/${application.applicationNo}/<time>-<uuid>.pdf`,
      `attachments/${application.applicationNo}/<time>-<uuid>.png`,
    ]);
    const reviewer = await signInAs(cms, 'Reviewer', `reviewer.${kind}@stats.example`);
    for (const [index, sample] of [SAMPLE_PDF, SAMPLE_PNG].entries()) {
      const download = await reviewer.call('GET', `/review-desk/records/${application.applicationNo}/attachments/${index + 1}?download=1`);
      expect(download.status).toBe(200);
      expect(Buffer.from(await download.arrayBuffer()).equals(sample)).toBe(true);
    }
  });

  it.runIf(kind === 's3')('writes nothing to the local folder when the bucket is chosen', () => {
    expect(existsSync(process.env.PRIVATE_UPLOADS_DIR ?? '')).toBe(false);
  });

  it('refuses other file types, other kinds of record and strangers', async () => {
    expect((await attach(application, ELF, 'tool.pdf')).body.error?.details.fields.file).toBe('只能上传PDF、JPG或PNG格式的扫描件');
    expect((await attach(institution, SAMPLE_PDF, 'a.pdf')).body.error?.details.fields.file).toBe('只有数据使用申请可以上传附件');
    expect((await attach({ ...application, token: institution.token }, SAMPLE_PDF, 'a.pdf')).status).toBe(401);
  });

  it('stops at ten attachments and once the application is decided', async () => {
    for (let i = 0; i < 8; i++) expect((await attach(application, SAMPLE_PDF, `附件${i}.pdf`)).status).toBe(201);
    expect((await attach(application, SAMPLE_PDF, 'eleventh.pdf')).body.error?.message).toBe('每份申请最多上传10个附件');
    await approveWithoutScan(cms, application.applicationNo);
    const late = await postJson<Submitted>(cms.url, '/api/public/data-applications', validDataApplication(institution.applicationNo));
    await approveWithoutScan(cms, late.body.applicationNo);
    const refused = await attach(late.body, SAMPLE_PDF, 'late.pdf');
    expect(refused.status).toBe(409);
    expect(refused.body.error?.message).toBe('申请已审核完毕，不能再上传附件');
  });
});
