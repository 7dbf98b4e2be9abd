import type { ScanType } from '../file-type';
import { findJpegProblem } from './jpeg';
import { findPdfProblem } from './pdf';
import { findPngProblem } from './png';
import type { ScanProblem } from './problems';
import { hidesZipArchive } from './zip';

export type { ScanProblem } from './problems';

const findFormatProblem: Record<ScanType, (bytes: Buffer) => ScanProblem | undefined | Promise<ScanProblem | undefined>> = {
  'application/pdf': findPdfProblem,
  'image/jpeg': findJpegProblem,
  'image/png': findPngProblem,
};

/**
 * Parses a file already recognised as a PDF, JPEG or PNG by its first bytes, and says why it is
 * not a plain scan, or undefined when it is one. Parse, don't grep: each format is walked by its
 * structure, so nothing hides in an escaped name, a compressed object stream or after an end marker.
 */
export async function findScanProblem(type: ScanType, bytes: Buffer): Promise<ScanProblem | undefined> {
  if (hidesZipArchive(bytes)) return 'activeContent';
  return findFormatProblem[type](bytes);
}
