import { setImmediate as nextTurn } from 'node:timers/promises';
import { decodePDFRawStream, PDFContext, PDFHexString, PDFName, PDFNumber, PDFObjectParser, PDFRawStream, PDFString } from 'pdf-lib';
import ByteStream from 'pdf-lib/cjs/core/parser/ByteStream';
import type { ScanProblem } from './problems';

/**
 * Names that make a PDF do something beyond showing its pages: run a script (JavaScript, JS, the
 * /Names JavaScript tree, XFA forms), start a program (Launch), send or fetch data (URI, SubmitForm,
 * ImportData), open other files (GoToR, GoToE), play or embed media and files (RichMedia, Rendition,
 * Movie, Sound, EmbeddedFile(s), FileAttachment). A scan of a signed and stamped form needs none of
 * them (ISO 32000-1 §12.6.4 lists the action types). Links (/URI) are refused too: a reviewer opens
 * these files, and a scan has nothing to link to. Harmless navigation (GoTo, Named, Thread) and an
 * /OpenAction or /AA that only holds such navigation stay allowed.
 */
const ACTIVE_NAMES = new Set([
  'JavaScript',
  'JS',
  'XFA',
  'Launch',
  'URI',
  'SubmitForm',
  'ImportData',
  'GoToR',
  'GoToE',
  'RichMedia',
  'RichMediaExecute',
  'Rendition',
  'Movie',
  'Sound',
  'EmbeddedFile',
  'EmbeddedFiles',
  'FileAttachment',
]);

/**
 * Decoded object streams of one file, together: they hold only small objects
 * (a scan's are a few kilobytes), while a Flate bomb of a few kilobytes inflates to gigabytes and
 * would fill the memory. pdf-lib inflates ~16 MB/s on a busy two-core machine, so the limit also
 * bounds the time.
 */
const MAX_DECODED_BYTES = 8 * 1024 * 1024;
const DECODE_STEP = 256 * 1024;
/** Objects parsed between two turns of the event loop, so a big file does not stall other requests. */
const OBJECTS_PER_TURN = 500;
/**
 * A scan has a few objects per page; a 10 MB file with more than this many is built to keep the
 * parser busy (each costs tens of microseconds), and is refused as damaged.
 */
const MAX_OBJECTS = 100_000;

/**
 * `N G obj` wherever it stands. A viewer reaches objects through the cross-reference table, which
 * may point anywhere, also into the middle of another object's stream, where a parser reading the
 * file front to back never looks. So every header in the file is parsed, not only those a
 * sequential parse meets. The look-behind and bounded repeats keep the search linear (no ReDoS).
 */
const OBJECT_HEADER = /(?<![0-9])[0-9]{1,10}[\0\t\n\f\r ]+[0-9]{1,5}[\0\t\n\f\r ]*obj(?![^\0\t\n\f\r ()<>[\]{}/%])/g;
/**
 * A PDF lexer also skips comments between a header's tokens (`5 %x⏎0 obj`). Matching comments
 * inside the search costs quadratic time on hostile input, so the search runs a second time over
 * a copy with every comment blanked to spaces (offsets unchanged).
 */
const COMMENT = /%[^\r\n]*/g;
const blankComments = (text: string) => text.replace(COMMENT, (comment) => ' '.repeat(comment.length));

/** Offsets just past every object header in the text, with and without its comments; past MAX_OBJECTS the search stops. */
function objectStarts(text: string): number[] {
  const starts = new Set<number>();
  for (const version of [text, blankComments(text)]) {
    for (const header of version.matchAll(OBJECT_HEADER)) {
      starts.add(header.index + header[0].length);
      if (starts.size > MAX_OBJECTS) return [...starts];
    }
  }
  return [...starts];
}
const TRAILER = /trailer/g;

/** Names whose meaning the scan needs (to find and decode object streams); every other name is read but not kept. */
const KEPT_NAMES = new Map(
  ['Type', 'ObjStm', 'XRef', 'First', 'N', 'Length', 'Filter', 'DecodeParms', 'EarlyChange']
    .concat(['FlateDecode', 'LZWDecode', 'ASCII85Decode', 'ASCIIHexDecode', 'RunLengthDecode'])
    .map((name) => [name, PDFName.of(name)]),
);
/** What the verdict needs to know was named anywhere in the file. */
const NOTED_NAMES = new Set([...ACTIVE_NAMES, 'Encrypt', 'Catalog']);
/** Stands for every name the scan does not need: pdf-lib keeps each distinct name it meets for the life of the process. */
const OTHER_NAME = PDFName.of('StatDeskOtherName');

const SOLIDUS = 0x2f;
const BACKSLASH = 0x5c;
const LEFT_PARENTHESIS = 0x28;
const RIGHT_PARENTHESIS = 0x29;
const GREATER_THAN = 0x3e;
const SKIPPED_STRING = PDFString.of('');
const SKIPPED_HEX_STRING = PDFHexString.of('');
/** PDF white-space and delimiter characters end a name (ISO 32000-1 §7.2.2). */
const ENDS_NAME = new Uint8Array(256);
for (const char of '\0\t\n\f\r ()<>[]{}/%') ENDS_NAME[char.charCodeAt(0)] = 1;

const latin1 = (bytes: Uint8Array) =>
  bytes.length <= 64 ? String.fromCharCode(...bytes) : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('latin1');

/**
 * A name with its `#xx` escapes decoded, upper- or lower-case: pdf-lib decodes only upper-case
 * hex digits, while poppler and pdf.js take both (`/#4a#53` is /JS to them).
 */
const decodeName = (raw: string) =>
  raw.includes('#') ? raw.replace(/#([0-9a-fA-F]{2})/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16))) : raw;

const ENDSTREAM = Buffer.from('endstream');

/** Every offset at which `needle` starts in `bytes`, ascending. */
function offsetsOf(bytes: Buffer, needle: Buffer): number[] {
  const offsets: number[] = [];
  for (let at = bytes.indexOf(needle); at >= 0; at = bytes.indexOf(needle, at + 1)) offsets.push(at);
  return offsets;
}

/** The index of the first value at or after `from` in ascending `values` (binary search). */
function firstAtOrAfter(values: number[], from: number): number {
  let low = 0;
  let high = values.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((values[middle] ?? 0) < from) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * pdf-lib's object parser with its own name reading: it notes every name that matters to the
 * verdict (dictionary keys and values alike, so a key written twice, of which pdf-lib keeps the
 * last and another viewer may take the first, is still seen).
 */
class NameNotingParser extends PDFObjectParser {
  /** Where each `endstream` keyword starts, ascending: found once, not searched again for every stream. */
  private readonly streamEnds: number[];

  constructor(
    bytes: Uint8Array,
    private readonly names: Set<string>,
  ) {
    super(ByteStream.of(bytes), PDFContext.create());
    this.streamEnds = offsetsOf(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length), ENDSTREAM);
  }

  /** Strings are skipped, not read: the verdict needs only names, and pdf-lib builds strings a byte at a time. */
  protected override parseString(): PDFString {
    let depth = 0;
    let isEscaped = false;
    while (!this.bytes.done()) {
      const byte = this.bytes.next();
      if (isEscaped) isEscaped = false;
      else if (byte === BACKSLASH) isEscaped = true;
      else if (byte === LEFT_PARENTHESIS) depth += 1;
      else if (byte === RIGHT_PARENTHESIS && --depth === 0) return SKIPPED_STRING;
    }
    throw new Error('a string without its closing parenthesis');
  }

  protected override parseHexString(): PDFHexString {
    this.bytes.next(); // <
    while (!this.bytes.done() && this.bytes.peek() !== GREATER_THAN) this.bytes.next();
    if (this.bytes.done()) throw new Error('a hex string without >');
    this.bytes.next();
    return SKIPPED_HEX_STRING;
  }

  /** Position after one object (or where it failed): how much of the file its parse read. */
  position() {
    return this.bytes.offset();
  }

  /**
   * A stream whose /Length is indirect or wrong ends at the next `endstream`. pdf-lib searches
   * for it byte by byte from every such stream, which is quadratic when hostile headers repeat.
   */
  protected override findEndOfStreamFallback(): number {
    const from = this.bytes.offset();
    const end = this.streamEnds[firstAtOrAfter(this.streamEnds, from)];
    if (end === undefined) throw new Error('stream without endstream');
    this.bytes.moveTo(end + ENDSTREAM.length);
    return end;
  }

  protected override parseName(): PDFName {
    if (this.bytes.next() !== SOLIDUS) throw new Error('a name must start with /');
    const start = this.bytes.offset();
    while (!this.bytes.done() && !ENDS_NAME[this.bytes.peek()]) this.bytes.next();
    const name = decodeName(latin1(this.bytes.slice(start, this.bytes.offset())));
    if (NOTED_NAMES.has(name)) this.names.add(name);
    return KEPT_NAMES.get(name) ?? OTHER_NAME;
  }
  parseObjectAt(offset: number) {
    this.bytes.moveTo(offset);
    return this.parseObject();
  }

  /** The object numbers and offsets at the head of an object stream (ISO 32000-1 §7.5.7). */
  parseObjectStreamOffsets(count: number): number[] {
    const offsets: number[] = [];
    for (let i = 0; i < count; i++) {
      this.skipWhitespaceAndComments();
      this.parseRawInt();
      this.skipWhitespaceAndComments();
      offsets.push(this.parseRawInt());
    }
    return offsets;
  }
}

interface Scan {
  names: Set<string>;
  isDamaged: boolean;
  decodedBytes: number;
  /** Bytes the parses have read so far, and how many they may read (parseBudget). */
  parsedBytes: number;
  budget: number;
}

/**
 * Parses may overlap (a header inside another object's stream is parsed too), so hostile files
 * could make them read the file many times over; a plain PDF reads it about once.
 */
const parseBudget = (fileSize: number) => 3 * fileSize + 1024 * 1024;

/** A stream's decoded bytes, read step by step so that a decompression bomb stops at the limit. */
function decodeBounded(stream: PDFRawStream, scan: Scan): Uint8Array | undefined {
  const decoder = decodePDFRawStream(stream);
  const chunks: Uint8Array[] = [];
  for (;;) {
    const chunk = decoder.getBytes(DECODE_STEP);
    scan.decodedBytes += chunk.length;
    if (scan.decodedBytes > MAX_DECODED_BYTES) return undefined;
    chunks.push(Uint8Array.from(chunk));
    if (chunk.length < DECODE_STEP) return Buffer.concat(chunks);
  }
}

/** Parses every object packed in an object stream, noting their names; its own dictionary is already noted. */
function scanObjectStream(stream: PDFRawStream, scan: Scan): void {
  const first = stream.dict.get(PDFName.of('First'));
  const count = stream.dict.get(PDFName.of('N'));
  if (!(first instanceof PDFNumber) || !(count instanceof PDFNumber)) throw new Error('object stream without /First or /N');
  const decoded = decodeBounded(stream, scan);
  if (!decoded) throw new Error('object stream decodes beyond the limit');
  const parser = new NameNotingParser(decoded, scan.names);
  for (const offset of parser.parseObjectStreamOffsets(count.asNumber())) {
    const start = first.asNumber() + offset;
    parser.parseObjectAt(start);
    scan.parsedBytes += Math.max(0, parser.position() - start);
    if (scan.parsedBytes > scan.budget) throw new Error('object stream read beyond the budget');
  }
}

/** Parses the object after one `N G obj` header, and the objects packed in it if it is an object stream. */
function scanObject(parser: NameNotingParser, offset: number, scan: Scan): void {
  try {
    const object = parser.parseObjectAt(offset);
    if (object instanceof PDFRawStream && object.dict.get(PDFName.of('Type')) === PDFName.of('ObjStm')) scanObjectStream(object, scan);
  } catch {
    scan.isDamaged = true;
  } finally {
    scan.parsedBytes += Math.max(0, parser.position() - offset);
  }
}

/** Every object a viewer could be pointed at, and every trailer, parsed for their names. */
async function scanEveryObject(bytes: Buffer): Promise<Scan> {
  const scan: Scan = { names: new Set(), isDamaged: false, decodedBytes: 0, parsedBytes: 0, budget: parseBudget(bytes.length) };
  const text = bytes.toString('latin1');
  const parser = new NameNotingParser(bytes, scan.names);
  let parsed = 0;
  const starts = objectStarts(text);
  if (starts.length > MAX_OBJECTS) return { ...scan, isDamaged: true };
  for (const start of starts) {
    scanObject(parser, start, scan);
    if (scan.parsedBytes > scan.budget) return { ...scan, isDamaged: true };
    if (++parsed % OBJECTS_PER_TURN === 0) await nextTurn();
  }
  // Trailers are read for /Encrypt (ISO 32000-1 §7.5.5); the word may also occur in stream data, so one that does not parse is no damage.
  const trailers: Scan = { ...scan, isDamaged: false };
  for (const trailer of text.matchAll(TRAILER)) {
    scanObject(parser, trailer.index + trailer[0].length, trailers);
    if (trailers.parsedBytes > scan.budget) return { ...scan, isDamaged: true };
  }
  if (parsed === 0) scan.isDamaged = true;
  return scan;
}

/**
 * Parses a PDF rather than searching its bytes: names are decoded before they are compared, and
 * objects packed in compressed object streams are read too. Refuses a PDF that is encrypted, that
 * holds any active name (ACTIVE_NAMES) anywhere, or that does not parse.
 */
export async function findPdfProblem(bytes: Buffer): Promise<ScanProblem | undefined> {
  const scan = await scanEveryObject(bytes);
  if (scan.names.has('Encrypt')) return 'encrypted';
  if ([...ACTIVE_NAMES].some((name) => scan.names.has(name))) return 'activeContent';
  // A PDF without a catalog has no pages to show (ISO 32000-1 §7.7.2): not a scan, or not a PDF.
  if (scan.isDamaged || !scan.names.has('Catalog')) return 'damaged';
  return undefined;
}
