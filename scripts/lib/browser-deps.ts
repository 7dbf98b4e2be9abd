import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { aptInstall } from './apt.ts';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const hasCjkFont = (): boolean => {
  try {
    return /Noto (Sans|Serif) CJK/.test(execFileSync('fc-list', [':lang=zh'], { encoding: 'utf8' }));
  } catch {
    return false;
  }
};

/**
 * Browser tests and PDF printing need Debian's Chromium, CJK fonts and poppler's pdftotext (`npx playwright install`
 * cannot download here, DESIGN.md). Installs the missing ones (aptInstall).
 */
export function ensureBrowserDependencies(): void {
  const missing = [
    ...(existsSync(CHROMIUM) ? [] : ['chromium']),
    ...(hasCjkFont() ? [] : ['fonts-noto-cjk']),
    // pdftotext reads the printed forms back in tests.
    ...(existsSync('/usr/bin/pdftotext') ? [] : ['poppler-utils']),
  ];
  aptInstall(missing, 'Browser tests');
}
