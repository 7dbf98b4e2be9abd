import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { promisify } from 'node:util';
import { CHROMIUM_ARGS, DEFAULT_CHROMIUM_PATH, t } from '@statdesk/config';
import type { Browser, Page } from 'playwright-core';
import { embeddedFontStyle, TEMPLATE_FAMILY, withStyle } from './pdf-fonts';

/**
 * Prints HTML to an A4 PDF with Debian's Chromium. One browser stays open for the life of the
 * process and prints on a small pool of pages (DESIGN.md: ~0.2 s a warm page), so a burst of
 * requests shares a few pages instead of queueing behind one or starting a browser each.
 */
let browser: Promise<Browser> | undefined;

/** Why this server cannot print right now, in words for its staff (the public sees a general message). */
export class PrinterUnavailableError extends Error {
  constructor(reason: string, options?: { cause?: unknown }) {
    super(reason, options);
    this.name = 'PrinterUnavailableError';
  }
}

const chromiumPath = () => process.env.CHROMIUM_PATH ?? DEFAULT_CHROMIUM_PATH;

/**
 * Whether fontconfig knows a CJK font. Without one Chromium prints every Chinese character as a
 * box, so the form would be useless. Asked once; a "no" is asked again after a minute, so fonts
 * installed while the server runs are picked up without a restart.
 */
const RECHECK_MS = 60_000;
let cjkFontFound = false;
let lastAsked: { answer: Promise<boolean>; at: number } | undefined;

const askFontconfig = () =>
  promisify(execFile)('fc-list', [':lang=zh'], { encoding: 'utf8' }).then(
    ({ stdout }) => /Noto (Sans|Serif) CJK/.test(stdout),
    () => false,
  );

async function hasCjkFont(): Promise<boolean> {
  if (cjkFontFound) return true;
  if (!lastAsked || Date.now() - lastAsked.at > RECHECK_MS) lastAsked = { answer: askFontconfig(), at: Date.now() };
  cjkFontFound = await lastAsked.answer;
  return cjkFontFound;
}

/** Throws PrinterUnavailableError when the browser or the CJK fonts are missing (npm start installs both). */
async function checkPrinter(): Promise<void> {
  if (!existsSync(chromiumPath())) throw new PrinterUnavailableError(t('printer.noChromium', { path: chromiumPath() }));
  if (!(await hasCjkFont())) throw new PrinterUnavailableError(t('printer.noCjkFont'));
}

function getBrowser(): Promise<Browser> {
  browser ??= import('playwright-core').then(({ chromium }) =>
    chromium
      .launch({
        executablePath: chromiumPath(),
        args: [...CHROMIUM_ARGS],
      })
      .catch((cause: unknown) => {
        throw new PrinterUnavailableError(t('printer.launchFailed'), { cause });
      }),
  );
  browser.catch(() => {
    browser = undefined;
  });
  return browser;
}

/** Pages printing at once: PDF_PAGES, else one per CPU, two to four (renderers share the CPUs). */
export const pagePoolSize = () => Number(process.env.PDF_PAGES) || Math.min(4, Math.max(2, availableParallelism()));

const idlePages: Page[] = [];
let busyPages = 0;
const waiting: Array<() => void> = [];

async function openPage(): Promise<Page> {
  const page = await (await getBrowser()).newPage();
  // The printable pages are self-contained: no network needed, none allowed.
  await page.route('**/*', (route) => (route.request().url().startsWith('data:') ? route.continue() : route.abort()));
  return page;
}

/** A page of the pool, once one is free; reused pages skip Chromium's page start-up. */
async function takePage(): Promise<Page> {
  while (busyPages >= pagePoolSize()) await new Promise<void>((resolve) => waiting.push(resolve));
  busyPages++;
  try {
    return idlePages.pop() ?? (await openPage());
  } catch (error) {
    releasePage(undefined);
    throw error;
  }
}

/** Gives a page back (none when it broke) and lets the next job in. */
function releasePage(page: Page | undefined): void {
  busyPages--;
  if (page && !page.isClosed()) idlePages.push(page);
  waiting.shift()?.();
}

/**
 * Each page says which page of how many it is, so a longer form's pages, scanned or photographed
 * one by one, are put back in order (the number and QR code repeat in the form's own running head).
 */
const PAGE_FOOTER =
  '<div style="width:100%;font-size:8pt;text-align:center;font-family:sans-serif"><span class="pageNumber"></span> / <span class="totalPages"></span></div>';

async function print(html: string): Promise<Buffer> {
  await checkPrinter();
  // Before taking a page, so a page is not held while the fonts are cut (lib/pdf-fonts.ts).
  const style = await embeddedFontStyle(html);
  const page = await takePage();
  let healthy = false;
  try {
    await page.setContent(withStyle(html, style), { waitUntil: 'load' });
    // The load event need not wait for web fonts (CSS Font Loading, FontFaceSet.ready) and a print
    // before they are ready would use the fallback family. A string: cms is typed without the DOM.
    if (style) await page.evaluate('document.fonts.ready.then(() => true)');
    const pdf = await page.pdf({
      format: 'A4',
      printBackground: true,
      // As the template's @page rule says (config/templates/partials/layout.hbs); an admin's
      // template without one prints with these.
      margin: { top: '12mm', bottom: '12mm', left: '15mm', right: '15mm' },
      displayHeaderFooter: true,
      headerTemplate: '<span></span>',
      footerTemplate: PAGE_FOOTER,
    });
    healthy = true;
    return pdf;
  } finally {
    if (!healthy) await page.close().catch(() => {});
    releasePage(healthy ? page : undefined);
  }
}

/** The HTML as an A4 PDF; rejects with PrinterUnavailableError when this server cannot print. */
export function printPdf(html: string): Promise<Buffer> {
  return print(html);
}

/** A line of a form's own words in the template's font, both weights: enough to load everything a form's print needs. */
const warmUpPage = () => {
  const words = t('printer.applicantStatementTitle');
  return `<!doctype html><html><head><meta charset="utf-8"></head><body style="font-family:'${TEMPLATE_FAMILY}',serif">${words} Form <b>${words}</b></body></html>`;
};

let warmingUp: Promise<void> | undefined;

/**
 * Starts the browser and prints a page nobody asked for, so the first person to print does not
 * wait for Chromium's start, its first page, the CJK faces being read and the subsetter's start
 * (~3 s, docs/benchmarks.md). Never throws: a printer that cannot print says so when asked to.
 */
export function warmUpPrinter(log: (message: string) => void): Promise<void> {
  const started = performance.now();
  warmingUp = print(warmUpPage()).then(
    () => log(`Printer ready for forms in ${Math.round(performance.now() - started)} ms`),
    (error: unknown) => log(`Printer not warmed up: ${error instanceof Error ? error.message : String(error)}`),
  );
  return warmingUp;
}

export async function closePrinter(): Promise<void> {
  // A warm-up still under way would otherwise launch a browser after this closed the last one.
  await warmingUp;
  const open = browser;
  browser = undefined;
  idlePages.length = 0;
  if (open) await (await open).close().catch(() => {});
}
