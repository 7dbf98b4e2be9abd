import { PDFDocument } from 'pdf-lib';
import QRCode from 'qrcode';
import sharp, { type Sharp } from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';

type Scan = { bytes: Buffer; mime: 'application/pdf' | 'image/jpeg' | 'image/png' };
interface ScanQrModule {
  readFormCode(scan: Scan): Promise<{ recordNo: string; version?: string } | undefined>;
}
interface ScanPagesModule {
  joinScans(scans: Array<Scan & { extension: string; fileName: string; sha256: string }>): Promise<Buffer>;
}
// cms/ compiles as CommonJS under its own tsconfig: a static import would pull its sources into
// the root type check (verbatimModuleSyntax), so the modules are loaded by computed paths.
const cmsLib = '../../../../cms/src/lib';
const { readFormCode } = (await import(`${cmsLib}/scan-qr.ts`)) as ScanQrModule;
const { joinScans } = (await import(`${cmsLib}/scan-pages.ts`)) as ScanPagesModule;

/** An A4 page at 150 dpi with the form's 20 mm code in its running head (config/templates/partials/layout.hbs). */
async function page(text: string): Promise<Buffer> {
  const code = await QRCode.toBuffer(text, { margin: 1, width: 118, errorCorrectionLevel: 'Q' });
  const lines = Array.from({ length: 40 }, (_, row) => ({
    input: { create: { width: 900, height: 6, channels: 3 as const, background: '#333' } },
    top: 300 + row * 30,
    left: 160,
  }));
  return sharp({ create: { width: 1240, height: 1754, channels: 3, background: '#fff' } })
    .composite([{ input: code, top: 70, left: 1030 }, ...lines])
    .png()
    .toBuffer();
}

const photographed = (png: Buffer, change: (image: Sharp) => Sharp) => change(sharp(png)).jpeg({ quality: 60 }).toBuffer();

// Each try draws and searches a full page: seconds on a shared CPU.
describe('reading the QR code of an uploaded stamped form', { timeout: 40_000 }, () => {
  let form: Buffer;
  beforeAll(async () => {
    form = await page('JG-2026-000123 v1a2b3c4d');
  });

  it('reads the number and version from a clean scan', async () => {
    expect(await readFormCode({ bytes: form, mime: 'image/png' })).toEqual({ recordNo: 'JG-2026-000123', version: '1a2b3c4d' });
  });

  it.each([
    ['turned 7°', (image: Sharp) => image.rotate(7, { background: '#888' })],
    ['turned a quarter', (image: Sharp) => image.rotate(90)],
    ['blurred', (image: Sharp) => image.blur(1)],
    [
      'skewed',
      (image: Sharp) =>
        image.affine(
          [
            [1, 0.12],
            [0.06, 0.95],
          ],
          { background: '#777' },
        ),
    ],
    ['dim', (image: Sharp) => image.gamma(3).linear(0.5, 10)],
    [
      'turned, skewed, blurred and dim at once',
      (image: Sharp) =>
        image
          .rotate(-7, { background: '#888' })
          .affine(
            [
              [1, 0.1],
              [0.05, 0.95],
            ],
            { background: '#777' },
          )
          .blur(1)
          .linear(0.55, 20),
    ],
  ])('reads it from a phone photo %s, saved as JPEG quality 60', async (_, change) => {
    const bytes = await photographed(form, change);
    expect(await readFormCode({ bytes, mime: 'image/jpeg' })).toEqual({ recordNo: 'JG-2026-000123', version: '1a2b3c4d' });
  });

  it('reads it from the PDF several photos are joined into', async () => {
    const photo = await photographed(form, (image) => image.rotate(5, { background: '#888' }));
    const bytes = await joinScans([{ bytes: photo, mime: 'image/jpeg', extension: 'jpg', fileName: 'p1.jpg', sha256: '' }]);
    expect(await readFormCode({ bytes, mime: 'application/pdf' })).toEqual({ recordNo: 'JG-2026-000123', version: '1a2b3c4d' });
  });

  it('finds nothing on a blank page, a code that is not a form’s, or a PDF it cannot draw', async () => {
    const blank = await sharp({ create: { width: 1240, height: 1754, channels: 3, background: '#fff' } })
      .png()
      .toBuffer();
    expect(await readFormCode({ bytes: blank, mime: 'image/png' })).toBeUndefined();
    expect(await readFormCode({ bytes: await page('https://example.com/'), mime: 'image/png' })).toBeUndefined();
    const empty = Buffer.from(await (await PDFDocument.create()).save());
    expect(await readFormCode({ bytes: empty, mime: 'application/pdf' })).toBeUndefined();
  });
});
