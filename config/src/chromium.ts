/**
 * How StatDesk starts Debian's Chromium headless, for the printed forms (cms/src/lib/pdf-printer.ts)
 * and for the browser tests alike, so that the tests run the browser the product runs. DESIGN.md,
 * "Browsers": `npx playwright install` cannot work here, and this closed network refuses Chromium's
 * background traffic (sync, component updates, first-run pings); no sandbox, as it runs as root.
 */
export const CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
];

/** Where Debian's `chromium` package puts the browser; CHROMIUM_PATH overrides it. */
export const DEFAULT_CHROMIUM_PATH = '/usr/bin/chromium';
