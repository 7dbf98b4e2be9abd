import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ELF, postFile, SAMPLE_PDF, SAMPLE_PNG, zipOf } from '../support/files.ts';
import { validDataApplication, validInstitution } from '../support/fixtures.ts';
import { getJson, postJson } from '../support/http.ts';
import { bootCms, type TestCms } from '../support/strapi.ts';

interface Submitted {
  applicationNo: string;
  token: string;
}

/** Issue 8: hostile uploads are refused with a message the person can act on; good ones are served safely. */
describe('hostile uploads', () => {
  let cms: TestCms;
  let application: Submitted;
  const attach = (bytes: Buffer, name: string, type?: string) =>
    postFile(
      `${cms.url}/api/public/records/${application.applicationNo}/attachments`,
      bytes,
      name,
      {
        authorization: `Bearer ${application.token}`,
      },
      type,
    );
  const fileMessage = async (bytes: Buffer, name: string, type?: string) => {
    const { status, body } = await attach(bytes, name, type);
    expect(status, name).toBeGreaterThanOrEqual(400);
    expect(status, name).toBeLessThan(500);
    return body.error?.details.fields.file;
  };

  beforeAll(async () => {
    cms = await bootCms('hostile_uploads');
    const institution = (await postJson<Submitted>(cms.url, '/api/public/institutions', validInstitution())).body;
    application = (await postJson<Submitted>(cms.url, '/api/public/data-applications', validDataApplication(institution.applicationNo)))
      .body;
  });
  afterAll(async () => {
    await cms?.stop();
  });

  it('refuses a renamed executable and an SVG with a script, whatever their names and types say', async () => {
    expect(await fileMessage(ELF, 'scan.pdf', 'application/pdf')).toBe('只能上传PDF、JPG或PNG格式的扫描件');
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(document.cookie)</script></svg>');
    expect(await fileMessage(svg, 'scan.png', 'image/png')).toBe('只能上传PDF、JPG或PNG格式的扫描件');
  });

  it('refuses PDF/ZIP and PNG/ZIP polyglots and a PDF that runs JavaScript', async () => {
    const mixed = '文件中夹带了其他内容（如压缩包或脚本），请直接上传扫描生成的PDF、JPG或PNG文件';
    expect(await fileMessage(Buffer.concat([SAMPLE_PDF, zipOf('run.js', 'alert(1)')]), 'scan.pdf')).toBe(mixed);
    expect(await fileMessage(Buffer.concat([SAMPLE_PNG, zipOf('run.hta', '<script>')]), 'scan.png')).toBe(mixed);
    const withScript = Buffer.from(
      SAMPLE_PDF.toString('latin1').replace('/Type/Catalog', '/Type/Catalog/OpenAction<</S/JavaScript/JS(app.alert(1))>>'),
      'latin1',
    );
    expect(await fileMessage(withScript, 'scan.pdf')).toBe(mixed);
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
  });
});
