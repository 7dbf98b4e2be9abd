import { deflateSync } from 'node:zlib';
import { PDFDocument, PDFName, PDFString } from 'pdf-lib';
import { SAMPLE_JPEG, SAMPLE_PDF, SAMPLE_PNG, zipOf } from './files.ts';

/**
 * Hostile uploads, each built here from the tiny real files in files.ts, none checked in as
 * binary. Each hostile one passed the regular-expression filter the upload check used before it parsed.
 */

/** SAMPLE_PDF with `entries` added to its catalog (e.g. an /OpenAction). */
export const pdfWithCatalogEntries = (entries: string) =>
  Buffer.from(SAMPLE_PDF.toString('latin1').replace('/Type/Catalog', `/Type/Catalog${entries}`), 'latin1');

/** SAMPLE_PDF with extra indirect objects before its trailer, and `trailer` entries added. */
export const pdfWithObjects = (objects: string, trailer = '') =>
  Buffer.from(
    SAMPLE_PDF.toString('latin1').replace('\ntrailer<<', `\n${objects}\ntrailer<<`).replace('/Root 1 0 R', `/Root 1 0 R${trailer}`),
    'latin1',
  );

/** A document-level script (the /Names JavaScript tree) written with `names`; poppler's `pdfinfo -js` prints it. */
const scriptTree = (names: { javaScript: string; js: string }, action = `<</S/${names.javaScript}/${names.js}(app.alert(1))>>`) =>
  `/Names<</${names.javaScript}<</Names[(run)${action}]>>>>`;

/**
 * A JavaScript action, on opening and as a document-level script, behind #-escaped names:
 * /J#61vaScript is /JavaScript and /J#53 is /JS (ISO 32000-1 §7.3.5).
 */
export const escapedJavaScriptPdf = () =>
  pdfWithCatalogEntries(`/OpenAction<</S/J#61vaScript/J#53(app.alert(1))>>${scriptTree({ javaScript: 'J#61vaScript', js: 'J#53' })}`);

/** The same with lower-case hex digits, which pdf-lib leaves undecoded but viewers decode. */
export const lowerCaseEscapedJavaScriptPdf = () => pdfWithCatalogEntries(scriptTree({ javaScript: '#4a#61vaScript', js: '#4a#53' }));

/** A Launch action behind an escaped name, starting a program when the file opens. */
export const escapedLaunchPdf = () => pdfWithCatalogEntries('/OpenAction<</S/L#61unch/F(cmd.exe)/Win<</F(cmd.exe)>>>>');

/** A Launch action whose /S is written twice: pdf-lib keeps the harmless last one, a viewer may take the first. */
export const duplicateKeyLaunchPdf = () => pdfWithCatalogEntries('/AA<</O<</S/L#61unch/S/GoTo/D[3 0 R/Fit]/F(cmd.exe)>>>>');

/** An encrypted PDF (RC4, revision 2): its content cannot be checked. */
export const encryptedPdf = () =>
  pdfWithObjects(
    '4 0 obj<</Filter/Standard/V 1/R 2/O<0000000000000000000000000000000000000000000000000000000000000000>/U<0000000000000000000000000000000000000000000000000000000000000000>/P -4>>endobj',
    '/Encrypt 4 0 R/ID[<00112233445566778899aabbccddeeff><00112233445566778899aabbccddeeff>]',
  );

/** A PDF cut short in the middle of an object. */
export const truncatedPdf = () => SAMPLE_PDF.subarray(0, 40);

/**
 * An object hidden inside another object's stream data, where a front-to-back parse sees only
 * stream bytes; a cross-reference table can point a viewer straight at it.
 */
export const pdfWithObjectInsideStream = () => {
  const hidden = '9 0 obj<</S/J#61vaScript/J#53(app.alert(1))>>endobj\n';
  const withAction = pdfWithCatalogEntries(`/OpenAction 9 0 R${scriptTree({ javaScript: 'J#61vaScript', js: 'J#53' }, '9 0 R')}`).toString(
    'latin1',
  );
  return Buffer.from(
    withAction.replace('\ntrailer<<', `\n5 0 obj<</Length ${hidden.length}>>stream\n${hidden}endstream\nendobj\ntrailer<<`),
    'latin1',
  );
};

/** A JavaScript action (and the /Names JavaScript tree) made by pdf-lib, which packs them in a Flate-compressed object stream. */
export async function javaScriptInObjectStreamPdf(): Promise<Buffer> {
  const document = await PDFDocument.create();
  document.addPage([200, 200]);
  const action = document.context.obj({ S: 'JavaScript', JS: PDFString.of('app.launchURL("http://example.invalid/")') });
  document.catalog.set(PDFName.of('OpenAction'), document.context.register(action));
  const tree = document.context.obj({ Names: [PDFString.of('run'), document.context.register(action)] });
  document.catalog.set(PDFName.of('Names'), document.context.obj({ JavaScript: document.context.register(tree) }));
  return Buffer.from(await document.save({ useObjectStreams: true }));
}

/**
 * An object stream that inflates to 32 MB from 32 KB (a decompression bomb): one valid object,
 * then 32 MB of spaces, so only the limit on inflating refuses it.
 */
export const objectStreamBombPdf = () => {
  const packed = deflateSync(Buffer.concat([Buffer.from('5 0 <</Type/Annot>>'), Buffer.alloc(32 * 1024 * 1024, 0x20)]), { level: 9 });
  return Buffer.concat([
    Buffer.from(`%PDF-1.5\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n`, 'latin1'),
    Buffer.from(`4 0 obj<</Type/ObjStm/N 1/First 4/Filter/FlateDecode/Length ${packed.length}>>stream\n`, 'latin1'),
    packed,
    Buffer.from('\nendstream\nendobj\ntrailer<</Root 1 0 R>>\n%%EOF\n', 'latin1'),
  ]);
};

/** A benign PDF as pdf-lib writes it (object streams, cross-reference stream), with an embedded JPEG page. */
export async function benignPdfLibPdf(): Promise<Buffer> {
  const document = await PDFDocument.create();
  const page = document.addPage([595, 842]);
  const image = await document.embedJpg(new Uint8Array(SAMPLE_JPEG));
  page.drawImage(image, { x: 50, y: 50, width: 100, height: 100 });
  page.drawText('Stamped form', { x: 50, y: 700 });
  return Buffer.from(await document.save({ useObjectStreams: true }));
}

/** A PNG/ZIP polyglot whose central-directory offset points 1 MB past the end of the file. */
export const pngZipPolyglot = () => Buffer.concat([SAMPLE_PNG, zipOf('run.hta', '<script>alert(1)</script>', 1024 * 1024)]);

/** A PNG with bytes after its IEND chunk. */
export const pngWithTrailingData = () => Buffer.concat([SAMPLE_PNG, Buffer.from('<script>alert(1)</script>')]);

/** A JPEG with bytes after its EOI marker (here an HTML page). */
export const jpegWithTrailingData = () => Buffer.concat([SAMPLE_JPEG, Buffer.from('<html><script>alert(1)</script></html>')]);

/**
 * SAMPLE_JPEG with an Exif APP1 segment holding a thumbnail, as cameras and phones write it
 * (Exif 2.3 §4.5.4): the thumbnail is a whole JPEG, so its EOI (FF D9) comes long before the
 * image's own.
 */
export function jpegWithExifThumbnail(): Buffer {
  const thumbnail = SAMPLE_JPEG;
  const tiff = Buffer.alloc(8 + 6 + 2 + 2 * 12 + 4);
  tiff.write('II*\0', 0, 'latin1');
  tiff.writeUInt32LE(8, 4); // IFD0 at 8
  tiff.writeUInt16LE(0, 8); // IFD0: no entries
  tiff.writeUInt32LE(14, 10); // IFD1 at 14
  tiff.writeUInt16LE(2, 14);
  const entry = (at: number, tag: number, value: number) => {
    tiff.writeUInt16LE(tag, at);
    tiff.writeUInt16LE(4, at + 2); // LONG
    tiff.writeUInt32LE(1, at + 4);
    tiff.writeUInt32LE(value, at + 8);
  };
  entry(16, 0x0201, tiff.length); // JPEGInterchangeFormat: right after the IFDs
  entry(28, 0x0202, thumbnail.length); // JPEGInterchangeFormatLength
  tiff.writeUInt32LE(0, 40); // no further IFD
  const payload = Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiff, thumbnail]);
  const header = Buffer.from([0xff, 0xe1, 0, 0]);
  header.writeUInt16BE(payload.length + 2, 2);
  return Buffer.concat([SAMPLE_JPEG.subarray(0, 2), header, payload, SAMPLE_JPEG.subarray(2)]);
}
