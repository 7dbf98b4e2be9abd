import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SAMPLE_JPEG, SAMPLE_PDF, SAMPLE_PNG } from '../../../integration/support/files.ts';
import * as hostile from '../../../integration/support/hostile-files.ts';

const MIXED = '文件中夹带了其他内容（如压缩包或脚本），请直接上传扫描生成的PDF、JPG或PNG文件';
const DAMAGED = '文件已损坏或不完整，无法打开，请重新扫描或重新导出后上传';
const ENCRYPTED = 'PDF文件设置了密码或加密，请取消密码和加密后重新上传';
const TRAILING = '图片文件末尾夹带了其他数据，请直接上传扫描或拍照生成的JPG、PNG文件（手机拍照请关闭“动态照片”）';

interface ScanFileModule {
  checkScanFile(file: { filepath: string; size: number; originalFilename: string }, fallbackName: string): Promise<{ mime: string }>;
}
// cms/ compiles as CommonJS under its own tsconfig: a static import would pull its sources into
// the root type check (verbatimModuleSyntax), so the module is loaded by a computed path.
const scanFilePath = '../../../../cms/src/lib/scan-file.ts';
const { checkScanFile } = (await import(scanFilePath)) as ScanFileModule;

const folder = mkdtempSync(join(tmpdir(), 'scan-file-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

let files = 0;
/** Checks `bytes` as an upload would arrive: written to a temporary file first. */
async function check(bytes: Buffer) {
  const filepath = join(folder, `upload-${++files}`);
  writeFileSync(filepath, bytes);
  return checkScanFile({ filepath, size: bytes.length, originalFilename: 'scan' }, '扫描件');
}

/** The refusal's status and zh-CN message, or 'accepted'. */
async function verdictOn(bytes: Buffer) {
  try {
    const checked = await check(bytes);
    return { accepted: checked.mime };
  } catch (error) {
    const { status, message } = error as { status: number; message: string };
    return { status, message };
  }
}

describe('the scan check parses PDFs instead of searching their bytes', () => {
  it('refuses a PDF whose JavaScript action hides behind #-escaped names', async () => {
    expect(await verdictOn(hostile.escapedJavaScriptPdf())).toEqual({ status: 415, message: MIXED });
  });

  it('refuses a JavaScript action escaped with lower-case hex digits', async () => {
    expect(await verdictOn(hostile.lowerCaseEscapedJavaScriptPdf())).toEqual({ status: 415, message: MIXED });
  });

  it('refuses a PDF whose Launch action hides behind an escaped name', async () => {
    expect(await verdictOn(hostile.escapedLaunchPdf())).toEqual({ status: 415, message: MIXED });
  });

  it('refuses a Launch action whose action type is written twice in one dictionary', async () => {
    expect(await verdictOn(hostile.duplicateKeyLaunchPdf())).toEqual({ status: 415, message: MIXED });
  });

  it('refuses a JavaScript action and /Names JavaScript tree packed in a compressed object stream', async () => {
    expect(await verdictOn(await hostile.javaScriptInObjectStreamPdf())).toEqual({ status: 415, message: MIXED });
  });

  it('refuses an action object hidden inside another object’s stream data', async () => {
    expect(await verdictOn(hostile.pdfWithObjectInsideStream())).toEqual({ status: 415, message: MIXED });
  });

  it('refuses PDFs with links, form submission, data import, remote go-to and embedded files', async () => {
    for (const action of ['/S/URI/URI(http://example.invalid/)', '/S/SubmitForm/F(http://example.invalid/)', '/S/ImportData/F(x.fdf)']) {
      expect(await verdictOn(hostile.pdfWithCatalogEntries(`/OpenAction<<${action}>>`)), action).toEqual({ status: 415, message: MIXED });
    }
    for (const action of ['/S/GoToR/F(other.pdf)/D[0/Fit]', '/S/GoToE/T<</R/C/N(a)>>/D[0/Fit]', '/S/RichMediaExecute/TA 3 0 R']) {
      expect(await verdictOn(hostile.pdfWithCatalogEntries(`/AA<</WC<<${action}>>>>`)), action).toEqual({ status: 415, message: MIXED });
    }
    const embedded = '/Names<</EmbeddedFiles<</Names[(a.exe)<</Type/Filespec/F(a.exe)/EF<</F 4 0 R>>>>]>>>>';
    expect(await verdictOn(hostile.pdfWithCatalogEntries(embedded))).toEqual({ status: 415, message: MIXED });
  });

  it('refuses an encrypted PDF with its own message', async () => {
    expect(await verdictOn(hostile.encryptedPdf())).toEqual({ status: 415, message: ENCRYPTED });
  });

  it('refuses a PDF that does not parse', async () => {
    expect(await verdictOn(hostile.truncatedPdf())).toEqual({ status: 415, message: DAMAGED });
    expect(await verdictOn(Buffer.from('%PDF-1.4\n%%EOF\n'))).toEqual({ status: 415, message: DAMAGED });
  });

  it('refuses a PDF nested deeper than the parser goes, without crashing', async () => {
    const nested = hostile.pdfWithCatalogEntries(`/Deep ${'['.repeat(200_000)}${']'.repeat(200_000)}`);
    expect(await verdictOn(nested)).toEqual({ status: 415, message: DAMAGED });
  });

  it('refuses PDFs built to keep the parser busy: 300 000 object headers, or unclosed strings read over and over', async () => {
    const headers = Buffer.from(`%PDF-1.4\n${'1 0 obj<</Length 9 0 R>>stream\n'.repeat(300_000)}`, 'latin1');
    expect(await verdictOn(headers)).toEqual({ status: 415, message: DAMAGED });
    const strings = Buffer.from(`%PDF-1.4\n${'trailer<</A('.repeat(90_000)}${'1 0 obj('.repeat(90_000)}`, 'latin1');
    expect(await verdictOn(strings)).toEqual({ status: 415, message: DAMAGED });
  }, 30_000);

  it('refuses an object stream that would inflate beyond the limit, without inflating it whole', async () => {
    expect(await verdictOn(hostile.objectStreamBombPdf())).toEqual({ status: 415, message: DAMAGED });
  }, 15_000);

  it('accepts plain PDFs: a minimal one, one written by pdf-lib with object streams, one opening at its first page', async () => {
    expect(await verdictOn(SAMPLE_PDF)).toEqual({ accepted: 'application/pdf' });
    expect(await verdictOn(await hostile.benignPdfLibPdf())).toEqual({ accepted: 'application/pdf' });
    expect(await verdictOn(hostile.pdfWithCatalogEntries('/OpenAction[3 0 R/Fit]/PageMode/UseNone'))).toEqual({
      accepted: 'application/pdf',
    });
  });
});

describe('the scan check walks image structure to its end marker', () => {
  it('refuses a PNG/ZIP polyglot whose central-directory offset points past the end of the file', async () => {
    expect(await verdictOn(hostile.pngZipPolyglot())).toEqual({ status: 415, message: MIXED });
  });

  it('refuses a PNG with bytes after its IEND chunk', async () => {
    expect(await verdictOn(hostile.pngWithTrailingData())).toEqual({ status: 415, message: TRAILING });
  });

  it('refuses a JPEG with bytes after its EOI marker', async () => {
    expect(await verdictOn(hostile.jpegWithTrailingData())).toEqual({ status: 415, message: TRAILING });
  });

  it('refuses a truncated PNG and a truncated JPEG', async () => {
    expect(await verdictOn(SAMPLE_PNG.subarray(0, SAMPLE_PNG.length - 12))).toEqual({ status: 415, message: DAMAGED });
    expect(await verdictOn(SAMPLE_JPEG.subarray(0, SAMPLE_JPEG.length - 2))).toEqual({ status: 415, message: DAMAGED });
  });

  it('accepts a plain PNG and JPEG, and a JPEG whose Exif thumbnail ends (FF D9) long before the image', async () => {
    expect(await verdictOn(SAMPLE_PNG)).toEqual({ accepted: 'image/png' });
    expect(await verdictOn(SAMPLE_JPEG)).toEqual({ accepted: 'image/jpeg' });
    const withThumbnail = hostile.jpegWithExifThumbnail();
    expect(withThumbnail.indexOf(Buffer.from([0xff, 0xd9]))).toBeLessThan(withThumbnail.length - 2);
    expect(await verdictOn(withThumbnail)).toEqual({ accepted: 'image/jpeg' });
  });
});

describe('the scan check keeps its limits', () => {
  it('refuses an empty file and one over 10 MB before parsing', async () => {
    expect(await verdictOn(Buffer.alloc(0))).toEqual({ status: 400, message: '上传的文件是空的，请重新选择' });
    expect(await verdictOn(Buffer.concat([SAMPLE_PDF, Buffer.alloc(10 * 1024 * 1024)]))).toEqual({
      status: 413,
      message: '文件不能超过10MB，请压缩或降低扫描分辨率后重新上传',
    });
  });
});
