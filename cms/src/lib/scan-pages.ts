import { PDFDocument } from 'pdf-lib';
import type { CheckedFile } from './scan-file';

/** A4 in PDF points: the printed form's paper (config/templates/partials/layout.hbs). */
const A4 = { width: 595.28, height: 841.89 } as const;

/** Adds one photo or scanned image as a page of its own, fitted to A4 and centred, as it was taken. */
async function addImagePage(pdf: PDFDocument, scan: CheckedFile): Promise<void> {
  const image = scan.mime === 'image/png' ? await pdf.embedPng(scan.bytes) : await pdf.embedJpg(scan.bytes);
  const landscape = image.width > image.height;
  const page = pdf.addPage(landscape ? [A4.height, A4.width] : [A4.width, A4.height]);
  const scale = Math.min(page.getWidth() / image.width, page.getHeight() / image.height);
  const width = image.width * scale;
  const height = image.height * scale;
  page.drawImage(image, { x: (page.getWidth() - width) / 2, y: (page.getHeight() - height) / 2, width, height });
}

/**
 * Several scans of one stamped form (a photo per page, or PDFs of some pages) as one PDF, pages
 * in the order given, so the reviewer reads the answers and the stamp that certifies them together.
 * The scans are already checked (lib/scan-file); this makes a new file from their pages and
 * images, so nothing else in them is carried over.
 */
export async function joinScans(scans: readonly CheckedFile[]): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  for (const scan of scans) {
    if (scan.mime === 'application/pdf') {
      const source = await PDFDocument.load(scan.bytes);
      for (const page of await pdf.copyPages(source, source.getPageIndices())) pdf.addPage(page);
    } else await addImagePage(pdf, scan);
  }
  return Buffer.from(await pdf.save());
}
