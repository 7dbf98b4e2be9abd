import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ELF, postFile, SAMPLE_PDF, SAMPLE_PNG, zipOf } from '../support/files.ts';
import { unitCode, validAgency, validDataApplication } from '../support/fixtures.ts';
import * as hostile from '../support/hostile-files.ts';
import { getJson, postJson } from '../support/http.ts';
import { PRIVATE_STORES, startPrivateStore, type TestPrivateStore } from '../support/private-stores.ts';
import { approvedInstitution } from '../support/review.ts';
import { bootCms, type TestCms } from '../support/strapi.ts';

interface Submitted {
  applicationNo: string;
  token: string;
}

const MIXED = '文件中夹带了其他内容（如压缩包或脚本），请直接上传扫描生成的PDF、JPG或PNG文件';

/** Hostile files that the regular-expression filter let through, with the message each now gets. */
const parsedHostileFiles = async () => [
  { name: 'escaped.pdf', bytes: hostile.escapedJavaScriptPdf(), message: MIXED },
  { name: 'launch.pdf', bytes: hostile.escapedLaunchPdf(), message: MIXED },
  { name: 'object-stream.pdf', bytes: await hostile.javaScriptInObjectStreamPdf(), message: MIXED },
  { name: 'polyglot.png', bytes: hostile.pngZipPolyglot(), message: MIXED },
  {
    name: 'trailing.jpg',
    bytes: hostile.jpegWithTrailingData(),
    message: '图片文件末尾夹带了其他数据，请直接上传扫描或拍照生成的JPG、PNG文件（手机拍照请关闭“动态照片”）',
  },
  { name: 'encrypted.pdf', bytes: hostile.encryptedPdf(), message: 'PDF文件设置了密码或加密，请取消密码和加密后重新上传' },
];

/**
 * Hostile uploads are refused with a message the person can act on; good ones are served safely.
 * Against each private store StatDesk ships: a local folder and an S3-compatible bucket.
 */
describe.each(PRIVATE_STORES)('hostile uploads, with the %s private store', (kind) => {
  let cms: TestCms;
  let store: TestPrivateStore;
  let application: Submitted;
  const auth = () => ({ authorization: `Bearer ${application.token}` });
  const attach = (bytes: Buffer, name: string, type?: string) =>
    postFile(`${cms.url}/api/public/records/${application.applicationNo}/attachments`, bytes, name, auth(), type);
  const uploadStampedForm = (bytes: Buffer, name: string) =>
    postFile(`${cms.url}/api/public/records/${application.applicationNo}/stamped-form`, bytes, name, auth());
  const delegators = [{ code: unitCode(1, '91510100MA'), name: '企业1' }];
  const registerAgency = async (businessLicence: Buffer) => {
    const form = new FormData();
    form.append('data', JSON.stringify(validAgency(delegators)));
    const documents = { businessLicence, legalPersonCertificate: SAMPLE_PNG, 'letter.0': SAMPLE_PDF };
    for (const [name, bytes] of Object.entries(documents)) form.append(name, new Blob([new Uint8Array(bytes)]), `${name}.bin`);
    const response = await fetch(`${cms.url}/api/public/agencies`, { method: 'POST', body: form });
    return {
      status: response.status,
      body: (await response.json()) as { error?: { message: string; details: { fields: Record<string, string> } } },
    };
  };
  const fileMessage = async (bytes: Buffer, name: string, type?: string) => {
    const { status, body } = await attach(bytes, name, type);
    expect(status, name).toBeGreaterThanOrEqual(400);
    expect(status, name).toBeLessThan(500);
    return body.error?.details.fields.file;
  };

  beforeAll(async () => {
    store = await startPrivateStore(kind);
    cms = await bootCms('hostile_uploads', store.env);
    const institution = await approvedInstitution(cms);
    application = (await postJson<Submitted>(cms.url, '/api/public/data-applications', validDataApplication(institution.applicationNo)))
      .body;
  });
  afterAll(async () => {
    await cms?.stop();
    await store?.stop();
  });

  it('refuses a renamed executable and an SVG with a script, whatever their names and types say', async () => {
    expect(await fileMessage(ELF, 'scan.pdf', 'application/pdf')).toBe('只能上传PDF、JPG或PNG格式的扫描件');
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(document.cookie)</script></svg>');
    expect(await fileMessage(svg, 'scan.png', 'image/png')).toBe('只能上传PDF、JPG或PNG格式的扫描件');
  });

  it('refuses PDF/ZIP and PNG/ZIP polyglots and a PDF that runs JavaScript', async () => {
    expect(await fileMessage(Buffer.concat([SAMPLE_PDF, zipOf('run.js', 'alert(1)')]), 'scan.pdf')).toBe(MIXED);
    expect(await fileMessage(Buffer.concat([SAMPLE_PNG, zipOf('run.hta', '<script>')]), 'scan.png')).toBe(MIXED);
    const withScript = hostile.pdfWithCatalogEntries('/OpenAction<</S/JavaScript/JS(app.alert(1))>>');
    expect(await fileMessage(withScript, 'scan.pdf')).toBe(MIXED);
  });

  it('refuses escaped-name, object-stream and encrypted PDFs and trailing-data images as attachments', async () => {
    for (const { name, bytes, message } of await parsedHostileFiles()) expect(await fileMessage(bytes, name), name).toBe(message);
  });

  it('refuses the same files as a stamped form, leaving the record awaiting its upload', async () => {
    for (const { name, bytes, message } of await parsedHostileFiles()) {
      const { status, body } = await uploadStampedForm(bytes, name);
      expect(status, name).toBe(415);
      expect(body.error?.details.fields.file, name).toBe(message);
    }
    const record = await cms.strapi.db
      .query('api::data-application.data-application')
      .findOne({ where: { recordNo: application.applicationNo } });
    expect(record.status).toBe('awaiting_upload');
    expect(await cms.strapi.db.query('api::stamped-form.stamped-form').count({ where: { recordNo: application.applicationNo } })).toBe(0);
  });

  it('refuses the same files as an agency document, under that document’s field, registering nothing', async () => {
    for (const { name, bytes, message } of await parsedHostileFiles()) {
      const { status, body } = await registerAgency(bytes);
      expect(status, name).toBe(400);
      expect(body.error?.details.fields.businessLicence, name).toBe(message);
    }
    expect(await cms.strapi.db.query('api::agency.agency').count({})).toBe(0);
  });

  it('refuses an empty file and one over 10 MB with what to do', async () => {
    expect(await fileMessage(Buffer.alloc(0), 'empty.pdf')).toBe('上传的文件是空的，请重新选择');
    const big = Buffer.concat([SAMPLE_PDF, Buffer.alloc(10 * 1024 * 1024)]);
    const { status } = await attach(big, 'big.pdf');
    expect([400, 413]).toContain(status);
  });

  it('keeps only a safe base name from a path-traversal file name', async () => {
    const { status, body } = await attach(SAMPLE_PDF, '../../../etc/passwd\u0000<x>.pdf');
    expect(status).toBe(201);
    const names = (body.attachments as Array<{ fileName: string }>).map((a) => a.fileName);
    expect(names).toContain('passwdx.pdf');
    expect(names.join()).not.toMatch(/\.\.|\/|</);
    expect(names.join()).not.toContain(String.fromCharCode(0));
  });

  it('stored nothing for any refused upload', async () => {
    const listed = await getJson<{ attachments: unknown[] }>(cms.url, `/api/public/records/${application.applicationNo}/attachments`, {
      authorization: `Bearer ${application.token}`,
    });
    expect(listed.body.attachments).toHaveLength(1);
    expect(await store.keys()).toHaveLength(1);
  });

  it('accepts the form the product prints as a stamped form, and a photo with an Exif thumbnail as an agency document', async () => {
    const printed = await fetch(`${cms.url}/api/public/records/${application.applicationNo}/form.pdf`, { headers: auth() });
    expect(printed.status).toBe(200);
    const stamped = await uploadStampedForm(Buffer.from(await printed.arrayBuffer()), '盖章申请表.pdf');
    expect(stamped.status).toBe(200);
    expect(stamped.body.status).toBe('awaiting_review');
    const registered = await registerAgency(hostile.jpegWithExifThumbnail());
    expect(registered.status).toBe(201);
  });
});
