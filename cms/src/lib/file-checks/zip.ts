/** ZIP readers look for the end-of-central-directory record in the last 64 KiB + 22 bytes. */
const ZIP_TAIL = 65_557;
const ZIP_END = Buffer.from([0x50, 0x4b, 0x05, 0x06]);

/**
 * A file that is also a ZIP archive (a PDF/ZIP or PNG/ZIP polyglot): any end-of-central-directory
 * record where a ZIP reader looks for one. Its offsets are not trusted: Python's zipfile and
 * Info-ZIP locate the central directory from the record's own position when the offsets point
 * elsewhere (prepended data, as in self-extracting archives), so a record whose offsets point
 * past the end still opens. Four bytes matching by chance in the tail of a scan is ~1 in 65 000.
 */
export function hidesZipArchive(bytes: Buffer): boolean {
  return bytes.indexOf(ZIP_END, Math.max(0, bytes.length - ZIP_TAIL)) >= 0;
}
