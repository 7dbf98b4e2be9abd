import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp, { type Sharp } from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Staff, signInAs } from '../support/admin.ts';
import { postFile, SAMPLE_PNG } from '../support/files.ts';
import { validInstitution } from '../support/fixtures.ts';
import { postJson, type Submitted } from '../support/http.ts';
import { review } from '../support/review.ts';
import { bootCms, type TestCms } from '../support/strapi.ts';

type Registered = Submitted & { token: string };
type Page = { data: Uint8ClampedArray; width: number; height: number };
interface PdfPagesModule {
  renderPdfPages(bytes: Uint8Array, options?: { pages?: number; longSide?: number }): Promise<Page[]>;
}
// cms/ compiles as CommonJS under its own tsconfig: a static import would pull its sources into
// the root type check (verbatimModuleSyntax), so the module is loaded by a computed path.
const pdfPagesPath = '../../../cms/src/lib/pdf-pages.ts';
const { renderPdfPages } = (await import(pdfPagesPath)) as PdfPagesModule;

/** A page of the printed PDF as a 150 dpi photo would hold it, then changed as a phone photo is and saved as JPEG quality 60. */
async function photoOf(pdf: Buffer, change: (image: Sharp) => Sharp): Promise<Buffer> {
  const [page] = await renderPdfPages(pdf, { pages: 1, longSide: 1754 });
  if (!page) throw new Error('The printed form has no page');
  const png = await sharp(Buffer.from(page.data.buffer), { raw: { width: page.width, height: page.height, channels: 4 } })
    .png()
    .toBuffer();
  return change(sharp(png)).jpeg({ quality: 60 }).toBuffer();
}

describe('a stamped form’s QR code proves it is this record’s form as it stands', () => {
  let cms: TestCms;
  let scratch: string;
  let reviewer: Staff;
  const bearer = (record: Registered) => ({ authorization: `Bearer ${record.token}` });
  const register = async (overrides: Record<string, unknown> = {}) =>
    (await postJson<Registered>(cms.url, '/api/public/institutions', validInstitution(overrides))).body;
  const printed = async (record: Registered) => {
    const response = await fetch(`${cms.url}/api/public/records/${record.applicationNo}/form.pdf`, { headers: bearer(record) });
    expect(response.status).toBe(200);
    return Buffer.from(await response.arrayBuffer());
  };
  const upload = (record: Registered, bytes: Buffer, name: string, type: string) =>
    postFile(`${cms.url}/api/public/records/${record.applicationNo}/stamped-form`, bytes, name, bearer(record), type);
  const scans = (no: string) =>
    cms.strapi.db.query('api::stamped-form.stamped-form').findMany({ where: { recordNo: no }, orderBy: { id: 'asc' } }) as Promise<
      Array<{ current: boolean; qrStatus: string | null }>
    >;
  const statusOf = async (no: string) =>
    ((await cms.strapi.db.query('api::institution.institution').findOne({ where: { recordNo: no } })) as { status: string }).status;

  beforeAll(async () => {
    scratch = mkdtempSync(join(tmpdir(), 'statdesk-qr-'));
    cms = await bootCms('stamped-form-qr', { PRIVATE_UPLOADS_DIR: join(scratch, 'uploads') });
    reviewer = await signInAs(cms, 'Reviewer', 'reviewer-qr@stats.example');
  });
  afterAll(async () => {
    await cms?.stop();
    rmSync(scratch, { recursive: true, force: true });
  });

  it('takes the printed PDF itself and phone photos of it: turned, blurred, skewed, dim', async () => {
    const record = await register();
    const pdf = await printed(record);
    const uploads: Array<[string, Buffer, string, string]> = [
      ['the PDF as printed', pdf, 'form.pdf', 'application/pdf'],
      ['turned 7°', await photoOf(pdf, (image) => image.rotate(7, { background: '#8a8a8a' })), 'p.jpg', 'image/jpeg'],
      ['blurred', await photoOf(pdf, (image) => image.blur(1)), 'p.jpg', 'image/jpeg'],
      [
        'skewed as if taken at an angle',
        await photoOf(pdf, (image) =>
          image.affine(
            [
              [1, 0.12],
              [0.06, 0.95],
            ],
            { background: '#777777' },
          ),
        ),
        'p.jpg',
        'image/jpeg',
      ],
      ['dim', await photoOf(pdf, (image) => image.gamma(3).linear(0.5, 10)), 'p.jpg', 'image/jpeg'],
      [
        'all of these at once',
        await photoOf(pdf, (image) =>
          image
            .rotate(-7, { background: '#888888' })
            .affine(
              [
                [1, 0.1],
                [0.05, 0.95],
              ],
              { background: '#777777' },
            )
            .blur(1)
            .linear(0.55, 20),
        ),
        'p.jpg',
        'image/jpeg',
      ],
    ];
    for (const [what, bytes, name, type] of uploads) {
      const answer = await upload(record, bytes, name, type);
      expect(answer.status, what).toBe(200);
      expect((await scans(record.applicationNo)).at(-1), what).toMatchObject({ current: true, qrStatus: 'matched' });
    }
  });

  it('takes the form a reviewer printed from the desk for the applicant: its code is the same', async () => {
    const record = await register();
    const desk = await reviewer.call('GET', `/review-desk/records/${record.applicationNo}/form.pdf`);
    expect(desk.status).toBe(200);
    expect((await upload(record, Buffer.from(await desk.arrayBuffer()), 'form.pdf', 'application/pdf')).status).toBe(200);
    expect((await scans(record.applicationNo)).at(-1)).toMatchObject({ qrStatus: 'matched' });
  });

  it('refuses another record’s form, naming both numbers, and stores nothing', async () => {
    const mine = await register();
    const other = await register();
    const answer = await upload(mine, await printed(other), 'form.pdf', 'application/pdf');
    expect(answer.status).toBe(400);
    expect(answer.body.error?.details.fields.file).toBe(
      `上传的是申请 ${other.applicationNo} 的表格，不是本申请 ${mine.applicationNo} 的表格，请上传本申请打印、盖章后的表格`,
    );
    expect(await scans(mine.applicationNo)).toEqual([]);
    expect(await statusOf(mine.applicationNo)).toBe('awaiting_upload');
  });

  it('refuses a form printed before the answers were corrected, and takes the new print', async () => {
    const record = await register();
    const before = await printed(record);
    expect((await upload(record, before, 'form.pdf', 'application/pdf')).status).toBe(200);
    await review(cms).transition(record.applicationNo, { action: 'return', actor: '审核员甲', reason: '英文名有误，请更正' });
    const { creditCode } = (await cms.strapi.db
      .query('api::institution.institution')
      .findOne({ where: { recordNo: record.applicationNo } })) as {
      creditCode: string;
    };
    const corrected = await fetch(`${cms.url}/api/public/records/${record.applicationNo}/answers`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', ...bearer(record) },
      body: JSON.stringify(validInstitution({ englishName: 'Peking Univ.', creditCode })),
    });
    expect(corrected.status).toBe(200);

    const stale = await upload(record, await photoOf(before, (image) => image.rotate(3, { background: '#888888' })), 'p.jpg', 'image/jpeg');
    expect(stale.status).toBe(400);
    expect(stale.body.error?.details.fields.file).toMatch(
      new RegExp(
        `^上传的表格是申请 ${record.applicationNo} 修改前打印的版本（二维码版本 [0-9a-f]{8}，当前版本 [0-9a-f]{8}），请重新下载打印本申请的表格，盖章后上传$`,
      ),
    );
    expect(await statusOf(record.applicationNo)).toBe('awaiting_upload');
    expect((await scans(record.applicationNo)).filter((scan) => scan.current)).toEqual([]);

    expect((await upload(record, await printed(record), 'form.pdf', 'application/pdf')).status).toBe(200);
  });

  it('takes a scan with no readable code and flags it 未识别二维码 in the queue and the record panel', async () => {
    const record = await register();
    const blank = await sharp({ create: { width: 1240, height: 1754, channels: 3, background: '#ffffff' } })
      .png()
      .toBuffer();
    expect((await upload(record, blank, 'blank.png', 'image/png')).status).toBe(200);
    expect((await scans(record.applicationNo)).at(-1)).toMatchObject({ qrStatus: 'unreadable' });

    const queue = await reviewer.json<{ rows: Array<{ recordNo: string; scanFlag: string | null }> }>(
      'GET',
      `/review-desk/records?kind=institution&status=awaiting_review&q=${record.applicationNo}`,
    );
    expect(queue.body.rows).toEqual([expect.objectContaining({ recordNo: record.applicationNo, scanFlag: '未识别二维码' })]);
    const detail = await reviewer.json<{ stampedForm: { scanFlag: string | null } }>('GET', `/review-desk/records/${record.applicationNo}`);
    expect(detail.body.stampedForm.scanFlag).toBe('未识别二维码');

    // A tiny image is taken alike; a readable form then clears the flag.
    expect((await upload(record, SAMPLE_PNG, 'tiny.png', 'image/png')).status).toBe(200);
    expect((await upload(record, await printed(record), 'form.pdf', 'application/pdf')).status).toBe(200);
    const cleared = await reviewer.json<{ stampedForm: { scanFlag: string | null } }>(
      'GET',
      `/review-desk/records/${record.applicationNo}`,
    );
    expect(cleared.body.stampedForm.scanFlag).toBeNull();
  });
});
