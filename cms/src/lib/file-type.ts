/** The three kinds of scan we accept, recognised by content, never by name (issue: stamped form upload). */
export type ScanType = 'application/pdf' | 'image/jpeg' | 'image/png';

export const SCAN_EXTENSIONS: Record<ScanType, string> = { 'application/pdf': 'pdf', 'image/jpeg': 'jpg', 'image/png': 'png' };

const startsWith = (bytes: Uint8Array, signature: number[]) => signature.every((byte, i) => bytes[i] === byte);

/** PDF (%PDF-), JPEG (FF D8 FF) or PNG (its 8-byte signature); anything else is undefined. */
export function detectScanType(head: Uint8Array): ScanType | undefined {
  if (startsWith(head, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'application/pdf';
  if (startsWith(head, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  return undefined;
}

/** ZIP readers look for the end-of-central-directory record in the last 64 KiB + 22 bytes. */
const ZIP_TAIL = 65_557;
const ZIP_END = Buffer.from([0x50, 0x4b, 0x05, 0x06]);

/**
 * A file that is also a ZIP archive (a PDF/ZIP or PNG/ZIP polyglot): an end-of-central-directory
 * record near the end whose directory lies inside the file, as a ZIP reader would accept it.
 */
export function hidesZipArchive(bytes: Buffer): boolean {
  const from = Math.max(0, bytes.length - ZIP_TAIL);
  for (let at = bytes.lastIndexOf(ZIP_END); at >= from; at = at > 0 ? bytes.lastIndexOf(ZIP_END, at - 1) : -1) {
    if (at + 22 > bytes.length) continue;
    const directorySize = bytes.readUInt32LE(at + 12);
    const directoryOffset = bytes.readUInt32LE(at + 16);
    if (directoryOffset + directorySize <= at) return true;
  }
  return false;
}

/**
 * PDF names that run something when the file is opened. A scanned form never has them. Names
 * inside compressed object streams are not seen here: this refuses the plain case, and the files
 * are only ever served as attachments with nosniff (issue 8), never opened in our origin.
 */
const ACTIVE_PDF_NAMES = /\/(?:JavaScript|JS|Launch|EmbeddedFile|RichMedia)(?![A-Za-z0-9])/;

export const hasActivePdfContent = (bytes: Buffer): boolean => ACTIVE_PDF_NAMES.test(bytes.toString('latin1'));
