/** The three kinds of scan we accept, recognised by content, never by name (the stamped-form upload of seeds/000 §二). */
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
