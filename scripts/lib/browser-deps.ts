import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { type Apt, aptInstall, aptInstruction, systemApt } from './apt.ts';

/** Where Debian's `chromium` package puts the browser; CHROMIUM_PATH overrides it (cms/src/lib/pdf-printer.ts). */
export const DEFAULT_CHROMIUM = '/usr/bin/chromium';

/** What this machine has; unit tests pass a stand-in. */
export interface BrowserProbe {
  /** The path the browser is looked for at. */
  chromiumPath: string;
  hasChromium(): boolean;
  hasCjkFont(): boolean;
  hasPdftotext(): boolean;
}

const hasCjkFont = (): boolean => {
  try {
    return /Noto (Sans|Serif) CJK/.test(execFileSync('fc-list', [':lang=zh'], { encoding: 'utf8' }));
  } catch {
    return false;
  }
};

export const systemProbe = (chromiumPath = process.env.CHROMIUM_PATH ?? DEFAULT_CHROMIUM): BrowserProbe => ({
  chromiumPath,
  hasChromium: () => existsSync(chromiumPath),
  hasCjkFont,
  hasPdftotext: () => existsSync('/usr/bin/pdftotext'),
});

/** Printing a form needs the browser and CJK fonts: without the fonts every Chinese character prints as a box. */
export const missingForPrinting = (probe: BrowserProbe): string[] => [
  ...(probe.hasChromium() ? [] : ['chromium']),
  ...(probe.hasCjkFont() ? [] : ['fonts-noto-cjk']),
];

/**
 * Browser tests and PDF printing need Debian's Chromium, CJK fonts and poppler's pdftotext (`npx playwright install`
 * cannot download here, DESIGN.md). Installs the missing ones (aptInstall).
 */
export function ensureBrowserDependencies(probe = systemProbe(), apt = systemApt): void {
  // pdftotext reads the printed forms back in tests.
  const missing = [...missingForPrinting(probe), ...(probe.hasPdftotext() ? [] : ['poppler-utils'])];
  aptInstall(missing, 'Browser tests', apt);
}

const consequence = 'Everything else works; until then every PDF link answers 503 and offers the web (HTML) form to print instead.';

function printingOffNotice(missing: string[], probe: BrowserProbe, why: string): string {
  const customPath = missing.includes('chromium') && probe.chromiumPath !== DEFAULT_CHROMIUM;
  return [
    `Printable PDF forms are off: this machine lacks ${missing.join(' and ')}.`,
    ...(customPath ? [`(Chromium is looked for at CHROMIUM_PATH=${probe.chromiumPath}.)`] : []),
    why,
    consequence,
  ].join('\n  ');
}

/**
 * `npm start`: the API prints the application forms as PDFs at run time (DESIGN.md), so start
 * installs Chromium and the CJK fonts the way `npm test` does (apt-get as root). Without root, or
 * when apt-get fails, it warns and the system starts anyway. Returns whether PDFs can be printed.
 */
export function ensurePdfPrinting(probe = systemProbe(), apt: Apt = systemApt, warn = console.warn): boolean {
  const missing = missingForPrinting(probe);
  if (missing.length === 0) return true;
  if (!apt.isRoot()) {
    warn(printingOffNotice(missing, probe, `Install them with: ${aptInstruction(missing)}`));
    return false;
  }
  let failure = '';
  try {
    aptInstall(missing, 'Printable PDF forms', apt);
  } catch (error) {
    failure = `apt-get failed: ${error instanceof Error ? error.message : String(error)}`;
  }
  const stillMissing = missingForPrinting(probe);
  if (stillMissing.length === 0) return true;
  const why = failure || `apt-get ran, yet they are still missing. Check with: ${aptInstruction(stillMissing)}`;
  warn(printingOffNotice(stillMissing, probe, why));
  return false;
}
