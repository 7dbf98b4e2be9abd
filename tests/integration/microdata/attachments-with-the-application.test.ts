import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ELF, SAMPLE_PDF, SAMPLE_PNG } from '../support/files.ts';
import { validDataApplication } from '../support/fixtures.ts';
import { fieldErrors, getJson, type Submitted } from '../support/http.ts';
import { approvedInstitution } from '../support/review.ts';
import { bootCms, type TestCms } from '../support/strapi.ts';

/** A data application posted as the site posts it: answers in part `data`, each file in part `attachments`. */
function withFiles(answers: Record<string, unknown>, files: Array<[bytes: Buffer, name: string]>): FormData {
  const form = new FormData();
  form.append('data', JSON.stringify(answers));
  for (const [bytes, name] of files) form.append('attachments', new Blob([new Uint8Array(bytes)]), name);
  return form;
}

describe('attachments sent with the data application (seeds/000 §二(二) 3: 完成并提交数据使用申请表，上传相关附件)', () => {
  let cms: TestCms;
  let uploads: string;
  let institutionNo: string;
  const apply = async (files: Array<[Buffer, string]>) => {
    const response = await fetch(`${cms.url}/api/public/data-applications`, {
      method: 'POST',
      body: withFiles(validDataApplication(institutionNo), files),
    });
    return { status: response.status, body: (await response.json()) as Submitted & { token: string } };
  };
  const attachmentsOf = (no: string) => cms.strapi.db.connection('attachments').where({ record_no: no }).orderBy('id');

  beforeAll(async () => {
    uploads = mkdtempSync(join(tmpdir(), 'statdesk-uploads-'));
    cms = await bootCms('attachments-with-application', { PRIVATE_UPLOADS_DIR: uploads });
    institutionNo = (await approvedInstitution(cms)).applicationNo;
  });
  afterAll(async () => {
    await cms?.stop();
    rmSync(uploads, { recursive: true, force: true });
  });

  it('stores several files chosen while filling in, with the application, and /query lists them', async () => {
    const { status, body } = await apply([
      [SAMPLE_PDF, '课题立项书.pdf'],
      [SAMPLE_PNG, '伦理审查.png'],
    ]);
    expect(status).toBe(201);
    const listed = await getJson<{ attachments: Array<{ fileName: string }> }>(
      cms.url,
      `/api/public/records/${body.applicationNo}/attachments`,
      { authorization: `Bearer ${body.token}` },
    );
    // Both, in the order the upload parser finished writing them (not always the order chosen).
    expect(listed.body.attachments.map((a) => a.fileName).sort()).toEqual(['伦理审查.png', '课题立项书.pdf'].sort());
    expect((await attachmentsOf(body.applicationNo)).map((row: { purpose: string }) => row.purpose)).toEqual([
      'attachments',
      'attachments',
    ]);
  });

  it('refuses the whole application when one file is not a PDF, JPEG or PNG, and stores nothing', async () => {
    const before = Number((await cms.strapi.db.connection('data_applications').count())[0]?.count);
    const { status, body } = await apply([
      [SAMPLE_PDF, '课题立项书.pdf'],
      [ELF, '程序.pdf'],
    ]);
    expect(status).toBe(400);
    expect(fieldErrors(body)).toEqual({ attachments: '只能上传PDF、JPG或PNG格式的扫描件' });
    expect(Number((await cms.strapi.db.connection('data_applications').count())[0]?.count)).toBe(before);
  });

  it('refuses more than ten files at once, saying how many may go', async () => {
    const { status, body } = await apply(Array.from({ length: 11 }, (_, i) => [SAMPLE_PDF, `附件${i + 1}.pdf`] as [Buffer, string]));
    expect(status).toBe(400);
    expect(fieldErrors(body)).toEqual({ attachments: '每份申请最多上传10个附件' });
  });
});
