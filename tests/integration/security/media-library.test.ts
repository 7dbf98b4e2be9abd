import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Staff, signInAs } from '../support/admin.ts';
import { decodablePng, SAMPLE_PDF, SAMPLE_PNG, zipArchive } from '../support/files.ts';
import { bootCms, type TestCms } from '../support/strapi.ts';

const WRONG_TYPE = '媒体库只接受PNG、JPG、GIF、WebP图片，PDF文件，以及Word、Excel、PowerPoint文档';
const MISMATCH = '文件内容与扩展名不符，请上传原始的图片、PDF或Office文档';
const SANDBOX = "sandbox; default-src 'none'";

const PAGE = Buffer.from('<!doctype html><script src="steal.js"></script>');
const SCRIPT = Buffer.from("fetch('/admin/access-token', { method: 'POST', credentials: 'include' })");
const SVG = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(document.cookie)</script></svg>');
const DOCX = zipArchive([
  ['[Content_Types].xml', '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'],
  ['word/document.xml', '<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>'],
]);

interface Uploaded {
  status: number;
  body: { error?: { status: number; message: string; details: { fields: Record<string, string> } } } & Array<{ url: string }>;
}

/** The media library: nothing uploaded to it, or already in it, runs on the CMS's origin. */
describe('the media library on the CMS origin', () => {
  let cms: TestCms;
  let editor: Staff;

  const upload = async (bytes: Buffer, name: string, type: string): Promise<Uploaded> => {
    const form = new FormData();
    form.append('files', new Blob([new Uint8Array(bytes)], { type }), name);
    const response = await fetch(`${cms.url}/upload`, { method: 'POST', headers: { authorization: `Bearer ${editor.token}` }, body: form });
    return { status: response.status, body: await response.json() };
  };
  const refusal = async (bytes: Buffer, name: string, type: string) => {
    const { status, body } = await upload(bytes, name, type);
    expect(status, name).toBe(415);
    expect(body.error?.details.fields.files, name).toBe(body.error?.message);
    return body.error?.message;
  };
  const refuseAll = async (files: Array<[Buffer, string, string]>) => {
    const messages: Array<string | undefined> = [];
    for (const [bytes, name, type] of files) messages.push(await refusal(bytes, name, type));
    return messages;
  };
  const storedNames = async () => {
    const files = (await cms.strapi.db.query('plugin::upload.file').findMany({})) as Array<{ name: string }>;
    return files.map((file) => file.name);
  };

  beforeAll(async () => {
    cms = await bootCms('media_library');
    editor = await signInAs(cms, 'Content editor', 'media-editor@stats.example');
  });
  afterAll(async () => {
    await cms?.stop();
  });

  it('refuses a page and a script from a content editor, whatever type the browser declares', async () => {
    expect(
      await refuseAll([
        [PAGE, 'notice.html', 'text/html'],
        [SCRIPT, 'steal.js', 'text/javascript'],
      ]),
    ).toEqual([WRONG_TYPE, WRONG_TYPE]);
    expect(await refusal(PAGE, 'notice.html', 'image/png')).toBe(WRONG_TYPE);
    expect(await refusal(SVG, 'logo.svg', 'image/svg+xml')).toBe(WRONG_TYPE);
  });

  it('refuses a script named as a picture and a picture named as a PDF', async () => {
    expect(await refusal(SCRIPT, 'steal.png', 'image/png')).toBe(MISMATCH);
    expect(await refusal(SAMPLE_PNG, 'form.pdf', 'application/pdf')).toBe(MISMATCH);
    expect(await refusal(SVG, 'logo.png', 'image/png')).toBe(MISMATCH);
  });

  it('accepts the pictures, PDFs and Office documents editors publish', async () => {
    for (const [bytes, name, type] of [
      [decodablePng(), 'chart.png', 'image/png'],
      [SAMPLE_PDF, '说明.pdf', 'application/pdf'],
      [DOCX, '模板.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
    ] as const) {
      const { status } = await upload(bytes, name, type);
      expect(status, name).toBe(201);
    }
    const names = await storedNames();
    expect(names).toEqual(expect.arrayContaining(['chart.png', '说明.pdf', '模板.docx']));
    expect(names.join()).not.toMatch(/html|\.js|svg|steal/);
  });

  it('serves every file under /uploads sandboxed, and pages, scripts and SVG only as downloads, even ones stored before', async () => {
    const uploads = join(cms.strapi.dirs.static.public, 'uploads');
    const legacy = { 'old.html': PAGE, 'old.js': SCRIPT, 'old.svg': SVG, 'old.png': SAMPLE_PNG, 'old.pdf': SAMPLE_PDF };
    for (const [name, bytes] of Object.entries(legacy)) writeFileSync(join(uploads, name), bytes);
    const served = async (path: string) => {
      const response = await fetch(`${cms.url}${path}`);
      await response.arrayBuffer();
      expect(response.status, path).toBe(200);
      expect(response.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(response.headers.get('content-security-policy'), path).toBe(SANDBOX);
      return response.headers.get('content-disposition');
    };
    for (const path of ['/uploads/old.html', '/uploads/old.js', '/uploads/old.svg', '/%75ploads/old.html', '/uploads/./old.js']) {
      expect(await served(path), path).toBe('attachment');
    }
    for (const path of ['/uploads/old.png', '/uploads/old.pdf']) expect(await served(path), path).toBeNull();
  });

  it('serves a missing upload with the same headers', async () => {
    const response = await fetch(`${cms.url}/uploads/missing.html`);
    expect(response.status).toBe(404);
    expect(response.headers.get('content-security-policy')).toBe(SANDBOX);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });
});
