import { createCanvas } from '@napi-rs/canvas';
import type { RenderParameters } from 'pdfjs-dist/types/src/display/api';

/** A page or photo as pixels: RGBA, four bytes a pixel, row by row. */
export interface Pixels {
  data: Uint8ClampedArray;
  width: number;
  height: number;
}

/**
 * The first pages of a PDF drawn to pixels with PDF.js on a prebuilt canvas (no native build),
 * each page's longer side `longSide` pixels. A printed-then-scanned PDF is images and our own
 * printed form is vectors with an image in it: drawing the page reads both alike.
 */
export async function renderPdfPages(bytes: Uint8Array, { pages = 2, longSide = 2000 } = {}): Promise<Pixels[]> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const loading = pdfjs.getDocument({
    data: new Uint8Array(bytes),
    disableFontFace: true,
    verbosity: pdfjs.VerbosityLevel.ERRORS,
  });
  try {
    const document = await loading.promise;
    const drawn: Pixels[] = [];
    for (let number = 1; number <= Math.min(pages, document.numPages); number++) {
      const page = await document.getPage(number);
      const unit = page.getViewport({ scale: 1 });
      const viewport = page.getViewport({ scale: longSide / Math.max(unit.width, unit.height) });
      const width = Math.ceil(viewport.width);
      const height = Math.ceil(viewport.height);
      const canvas = createCanvas(width, height);
      await page.render({ canvas: canvas as unknown as RenderParameters['canvas'], viewport, background: 'white' }).promise;
      const { data } = canvas.getContext('2d').getImageData(0, 0, width, height);
      drawn.push({ data, width, height });
      page.cleanup();
    }
    return drawn;
  } finally {
    await loading.destroy();
  }
}
