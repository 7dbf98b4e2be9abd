import { type FormCode, parseFormCode } from '@statdesk/config';
import jsQR from 'jsqr';
import sharp, { type Sharp } from 'sharp';
import { type Pixels, renderPdfPages } from './pdf-pages';
import type { CheckedFile } from './scan-file';

/**
 * Reads the form code (config/src/form-code.ts) from the QR code of an uploaded stamped form: a
 * scan, a phone photo (turned, skewed, dim) or our own PDF. jsQR finds the three finder patterns
 * (ISO/IEC 18004) in any orientation and corrects perspective itself; what it needs from
 * us is a picture of a size and contrast it can binarise. So each page is tried as it is, then
 * stretched in contrast, then sharpened and thresholded, then smaller (a blurred photo reads
 * better with fewer pixels), and the first code that is one of ours wins.
 */

/** Only the first pages: the code is in the running head of every page (config/templates/partials/running-head.hbs). */
const PAGES = 2;
/** Past this a phone photo (12 MP and more) only costs time: the code's modules stay several pixels wide. */
const LONG_SIDE = 1600;
/**
 * A bound on the search, checked between tries, so a page with no code costs the person seconds,
 * not minutes. Drawing a PDF's pages is not cut short: the 10 MB upload limit bounds it.
 */
const TIME_LIMIT_MS = 8000;

type Variant = (image: Sharp) => Sharp;

const fit = (longSide: number) => (image: Sharp) =>
  image.resize({ width: longSide, height: longSide, fit: 'inside', withoutEnlargement: true });

const VARIANTS: Variant[] = [
  (image) => fit(LONG_SIDE)(image),
  (image) => fit(LONG_SIDE)(image).normalise(),
  (image) => fit(LONG_SIDE)(image).normalise().sharpen().threshold(128),
  (image) => fit(1000)(image).normalise(),
];

/** The pictures to search: a photo or scan as sent (turned upright by its EXIF orientation), or a PDF's first pages drawn. */
async function picturesOf(scan: Pick<CheckedFile, 'bytes' | 'mime'>): Promise<Array<() => Sharp>> {
  if (scan.mime !== 'application/pdf') return [() => sharp(scan.bytes).rotate()];
  const pages = await renderPdfPages(scan.bytes, { pages: PAGES, longSide: 2000 });
  return pages.map(
    (page: Pixels) => () =>
      sharp(Buffer.from(page.data.buffer, page.data.byteOffset, page.data.byteLength), {
        raw: { width: page.width, height: page.height, channels: 4 },
      }),
  );
}

async function decode(image: Sharp): Promise<string | undefined> {
  // jsQR reads RGBA; a thresholded picture comes out as one grey channel, so colour it back.
  const { data, info } = await image.toColourspace('srgb').ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  if (info.channels !== 4) return undefined;
  const pixels = new Uint8ClampedArray(data.buffer, data.byteOffset, data.byteLength);
  return jsQR(pixels, info.width, info.height, { inversionAttempts: 'dontInvert' })?.data;
}

/** The form code on the scan, or undefined when none could be read in time (blank page, too dim, code torn off). */
export async function readFormCode(scan: Pick<CheckedFile, 'bytes' | 'mime'>): Promise<FormCode | undefined> {
  const started = Date.now();
  let pictures: Array<() => Sharp>;
  try {
    pictures = await picturesOf(scan);
  } catch {
    // The file passed the scan checks (lib/scan-file) but cannot be drawn here: the reviewer reads it.
    return undefined;
  }
  for (const picture of pictures)
    for (const variant of VARIANTS) {
      if (Date.now() - started > TIME_LIMIT_MS) return undefined;
      const text = await decode(variant(picture())).catch(() => undefined);
      const code = text === undefined ? undefined : parseFormCode(text);
      if (code) return code;
    }
  return undefined;
}
