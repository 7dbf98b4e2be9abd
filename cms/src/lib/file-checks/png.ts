import type { ScanProblem } from './problems';

const SIGNATURE_LENGTH = 8;
/** Length (4), type (4) and CRC (4) around each chunk's data (PNG specification §5.3). */
const CHUNK_OVERHEAD = 12;
const MAX_CHUNK_LENGTH = 0x7fffffff;
const isChunkTypeByte = (byte: number) => (byte >= 0x41 && byte <= 0x5a) || (byte >= 0x61 && byte <= 0x7a);

/**
 * Walks a PNG's chunks from the signature to IEND (PNG specification §5.3, §11.2.5): a chunk
 * that runs past the end or a missing IEND is damage; any byte after IEND's CRC is trailing data
 * (a PNG/ZIP polyglot puts its archive there).
 */
export function findPngProblem(bytes: Buffer): ScanProblem | undefined {
  let at = SIGNATURE_LENGTH;
  let isFirst = true;
  while (at + CHUNK_OVERHEAD <= bytes.length) {
    const length = bytes.readUInt32BE(at);
    const type = bytes.subarray(at + 4, at + 8);
    if (length > MAX_CHUNK_LENGTH || !type.every(isChunkTypeByte)) return 'damaged';
    if (isFirst && type.toString('latin1') !== 'IHDR') return 'damaged';
    const end = at + CHUNK_OVERHEAD + length;
    if (end > bytes.length) return 'damaged';
    if (type.toString('latin1') === 'IEND') return end === bytes.length ? undefined : 'trailingData';
    at = end;
    isFirst = false;
  }
  return 'damaged';
}
