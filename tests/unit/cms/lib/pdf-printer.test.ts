import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

interface PrinterModule {
  printPdf(html: string): Promise<Buffer>;
  warmUpPrinter(log: (message: string) => void): Promise<void>;
  closePrinter(): Promise<void>;
}
// cms/ compiles as CommonJS under its own tsconfig: loaded by a computed path (see scan-qr.test.ts).
const cmsLib = '../../../../cms/src/lib';
const printer = (await import(`${cmsLib}/pdf-printer.ts`)) as PrinterModule;

/** A form's words in the template's font (config/templates/partials/layout.hbs), plain and bold. */
const HEADING = '微观数据开发应用机构登记表';
const STATEMENT = '本人确认以上信息真实、准确、完整。如有虚假，愿承担相应的法律责任。统一社会信用代码：12110000MB0000001';
const FORM = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">
<style>body { font-family: "Noto Serif CJK SC", "Noto Sans CJK SC", "SimSun", serif; }</style></head>
<body><h1>${HEADING}</h1><p>${STATEMENT}</p></body></html>`;

const scratch = mkdtempSync(join(tmpdir(), 'statdesk-printer-'));
/** Fonts the PDF carries: pdffonts lists one a line under its two header lines. */
function fontsOf(pdf: Buffer): string[] {
  const file = join(scratch, 'form.pdf');
  writeFileSync(file, pdf);
  return execFileSync('pdffonts', [file], { encoding: 'utf8' }).trim().split('\n').slice(2);
}

/** Page 1's text as PDF.js reads it, loaded as cms/src/lib/pdf-pages.ts loads it. */
async function textOf(pdf: Buffer): Promise<string> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const loading = pdfjs.getDocument({ data: new Uint8Array(pdf), verbosity: pdfjs.VerbosityLevel.ERRORS });
  try {
    const page = await (await loading.promise).getPage(1);
    const { items } = await page.getTextContent();
    return items.map((item) => ('str' in item ? item.str : '')).join('');
  } finally {
    await loading.destroy();
  }
}

describe('printing a form to PDF', () => {
  afterAll(async () => {
    await printer.closePrinter();
    rmSync(scratch, { recursive: true, force: true });
  });

  it('warms up without throwing where Chromium is missing, and says why', async () => {
    const before = process.env.CHROMIUM_PATH;
    process.env.CHROMIUM_PATH = '/nonexistent/chromium';
    const said: string[] = [];
    try {
      await printer.warmUpPrinter((message) => said.push(message));
    } finally {
      if (before === undefined) delete process.env.CHROMIUM_PATH;
      else process.env.CHROMIUM_PATH = before;
    }
    expect(said).toEqual([expect.stringMatching(/^Printer not warmed up: .*\/nonexistent\/chromium/)]);
  });

  it('warms up by starting the browser and printing a page', async () => {
    const said: string[] = [];
    await printer.warmUpPrinter((message) => said.push(message));
    expect(said).toEqual([expect.stringMatching(/^Printer ready for forms in \d+ ms$/)]);
  }, 60_000);

  /**
   * Chromium writes a font's glyphs 256 to a PDF font, by glyph number: the system's 65 000-glyph
   * face scatters a form's characters over a font each few, the form's own subset fits in one a weight.
   */
  it('embeds only the form’s own characters of the CJK font, its Chinese text intact', async () => {
    const pdf = await printer.printPdf(FORM);
    expect(fontsOf(pdf).length).toBeLessThanOrEqual(3);
    const text = (await textOf(pdf)).replace(/\s/g, '');
    expect(text).toContain(HEADING);
    expect(text).toContain(STATEMENT);
  }, 60_000);
});
