import type { ScanProblem } from './problems';

const MARKER = 0xff;
const START_OF_SCAN = 0xda;
const END_OF_IMAGE = 0xd9;
/** Markers without a length: TEM and RST0–RST7 (ITU-T T.81 §B.1.1.2, table B.1). */
const isStandalone = (marker: number) => marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7);

/**
 * The offset just past the entropy-coded data that follows a scan header: the next marker that
 * is neither a stuffed zero (FF 00) nor a restart marker (T.81 §B.1.1.5, §F.1.2.3).
 */
function skipEntropyCodedData(bytes: Buffer, from: number): number {
  let at = from;
  for (;;) {
    at = bytes.indexOf(MARKER, at);
    if (at < 0 || at + 1 >= bytes.length) return bytes.length;
    const next = bytes.readUInt8(at + 1);
    if (next === 0x00 || isStandalone(next)) at += 2;
    else if (next === MARKER) at += 1;
    else return at;
  }
}

/**
 * Walks a JPEG's segments from SOI to EOI (T.81 Annex B) rather than searching for FF D9: an
 * Exif thumbnail is a whole JPEG inside the APP1 segment, so its EOI comes early and is skipped
 * with its segment. Damage is a segment that runs past the end or no EOI; any byte after EOI is
 * trailing data (where a JPEG/ZIP polyglot or a phone's motion-photo video sits).
 */
export function findJpegProblem(bytes: Buffer): ScanProblem | undefined {
  let at = 2;
  while (at < bytes.length) {
    if (bytes[at] !== MARKER) return 'damaged';
    while (bytes[at] === MARKER) at += 1;
    if (at >= bytes.length) return 'damaged';
    const marker = bytes.readUInt8(at);
    at += 1;
    if (marker === END_OF_IMAGE) return at === bytes.length ? undefined : 'trailingData';
    if (isStandalone(marker)) continue;
    if (marker === 0x00 || at + 2 > bytes.length) return 'damaged';
    const length = bytes.readUInt16BE(at);
    if (length < 2 || at + length > bytes.length) return 'damaged';
    at += length;
    if (marker === START_OF_SCAN) at = skipEntropyCodedData(bytes, at);
  }
  return 'damaged';
}
