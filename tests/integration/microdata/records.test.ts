import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ELF, SAMPLE_PDF, SAMPLE_PNG } from '../support/files.ts';
import { validInstitution } from '../support/fixtures.ts';
import { postJson, type Submitted } from '../support/http.ts';
import { bootCms, type TestCms } from '../support/strapi.ts';

describe('a record’s printable form and stamped-form upload', () => {
  let cms: TestCms;
  let record: Submitted;
  let token: string;
  let uploads: string;
  const auth = () => ({ authorization: `Bearer ${token}` });
  const upload = async (bytes: Buffer, name: string, type = 'application/octet-stream') => {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(bytes)], { type }), name);
    const response = await fetch(`${cms.url}/api/public/records/${record.applicationNo}/stamped-form`, {
      method: 'POST',
      headers: auth(),
      body: form,
    });
    return {
      status: response.status,
      body: (await response.json()) as { status?: string; error?: { message: string; details: { fields: Record<string, string> } } },
    };
  };
  const statusOf = async () =>
    (await cms.strapi.db.query('api::institution.institution').findOne({ where: { recordNo: record.applicationNo } })).status;

  beforeAll(async () => {
    uploads = mkdtempSync(join(tmpdir(), 'statdesk-uploads-'));
    cms = await bootCms('records', { PRIVATE_UPLOADS_DIR: uploads });
    record = (
      await postJson<Submitted>(
        cms.url,
        '/api/public/institutions',
        validInstitution({ fullName: '<script>alert("x")</script>研究院', creditCode: '91350100M000100Y43' }),
      )
    ).body;
    token = (await postJson<{ token: string }>(cms.url, '/api/public/query', { phone: '15800000001', password: record.queryPassword })).body
      .token;
  });
  afterAll(async () => {
    await cms?.stop();
    rmSync(uploads, { recursive: true, force: true });
  });

  it('renders the HTML form like the seed’s 登记表: labels, answers, commitment, stamp box and a QR code', async () => {
    const response = await fetch(`${cms.url}/api/public/records/${record.applicationNo}/form.html`, { headers: auth() });
    expect(response.headers.get('content-type')).toContain('text/html');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    const html = await response.text();
    expect(html).toContain('微观数据开发应用机构登记表');
    expect(html).toContain(record.applicationNo);
    expect(html).toMatch(/<th>统一社会信用代码<\/th><td>91350100M000100Y43<\/td>/);
    expect(html).toContain('本单位承诺严格遵守国家有关法律法规');
    expect(html).toContain('法人单位负责人签字（单位公章）');
    expect(html).toMatch(/<img src="data:image\/png;base64,[^"]+" alt="申请编号/);
  });

  it('escapes what the applicant typed', async () => {
    const html = await (await fetch(`${cms.url}/api/public/records/${record.applicationNo}/form.html`, { headers: auth() })).text();
    expect(html).not.toContain('<script>alert');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;研究院');
  });

  it('prints an A4 PDF that contains the application number and the Chinese text', async () => {
    const response = await fetch(`${cms.url}/api/public/records/${record.applicationNo}/form.pdf`, { headers: auth() });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('content-disposition')).toContain('attachment');
    const dir = mkdtempSync(join(tmpdir(), 'statdesk-pdf-'));
    try {
      const file = join(dir, 'form.pdf');
      writeFileSync(file, Buffer.from(await response.arrayBuffer()));
      const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
      expect(text).toContain(record.applicationNo);
      expect(text).toContain('微观数据开发应用机构登记表');
      expect(execFileSync('pdfinfo', [file], { encoding: 'utf8' })).toMatch(/Page size:\s+59\d(\.\d+)? x 84\d(\.\d+)? pts \(A4\)/);
      // Chromium embeds the CJK glyphs as Type 3 fonts: every font in the file must be embedded.
      const fonts = execFileSync('pdffonts', [file], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean);
      expect(fonts.length).toBeGreaterThan(0);
      for (const font of fonts) expect(font).toMatch(/\s+yes\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+$/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it.each([
    ['an empty file', Buffer.alloc(0), 'scan.pdf', 400, '上传的文件是空的，请重新选择'],
    ['an executable renamed to .pdf', ELF, 'scan.pdf', 415, '只能上传PDF、JPG或PNG格式的扫描件'],
    [
      'an 11 MB file',
      Buffer.concat([SAMPLE_PDF, Buffer.alloc(11 * 1024 * 1024)]),
      'big.pdf',
      413,
      '文件不能超过10MB，请压缩或降低扫描分辨率后重新上传',
    ],
  ])('refuses %s with a clear message and leaves the status alone', async (_name, bytes, fileName, status, message) => {
    const answer = await upload(bytes, fileName, 'application/pdf');
    expect(answer.status).toBe(status);
    expect(answer.body.error?.details.fields.file).toBe(message);
    expect(await statusOf()).toBe('awaiting_upload');
  });

  it('accepts a real PDF, moves the record to 等待实验室审批 and records who did it', async () => {
    const answer = await upload(SAMPLE_PDF, '../../etc/盖章表.pdf', 'application/pdf');
    expect(answer).toEqual({ status: 200, body: { applicationNo: record.applicationNo, status: 'awaiting_review' } });
    expect(await statusOf()).toBe('awaiting_review');
    const scan = await cms.strapi.db
      .query('api::stamped-form.stamped-form')
      .findOne({ where: { recordNo: record.applicationNo, current: true } });
    expect(scan).toMatchObject({ fileName: '盖章表.pdf', mime: 'application/pdf', size: SAMPLE_PDF.length });
    expect(scan.storageKey).not.toContain('..');
  });

  it('replaces the file on a re-upload (a PNG) and keeps the old one in the history', async () => {
    const answer = await upload(SAMPLE_PNG, 'scan.png', 'image/png');
    expect(answer.status).toBe(200);
    const scans = await cms.strapi.db
      .query('api::stamped-form.stamped-form')
      .findMany({ where: { recordNo: record.applicationNo }, orderBy: { id: 'asc' } });
    expect(scans.map((s: { mime: string; current: boolean }) => [s.mime, s.current])).toEqual([
      ['application/pdf', false],
      ['image/png', true],
    ]);
    const service = cms.strapi.service('plugin::review-desk.stamped-form' as never) as unknown as {
      current(no: string): Promise<{ body: Readable; mime: string }>;
    };
    const served = await service.current(record.applicationNo);
    expect(served.mime).toBe('image/png');
    expect((await buffer(served.body)).equals(SAMPLE_PNG)).toBe(true);
  });

  it('does not serve uploaded scans under Strapi’s public /uploads', async () => {
    const scan = await cms.strapi.db
      .query('api::stamped-form.stamped-form')
      .findOne({ where: { recordNo: record.applicationNo, current: true } });
    expect((await fetch(`${cms.url}/uploads/${scan.storageKey}`)).status).toBe(404);
    expect((await fetch(`${cms.url}/${scan.storageKey}`)).status).toBe(404);
  });
});
