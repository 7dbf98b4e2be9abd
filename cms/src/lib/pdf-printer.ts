import type { Browser } from 'playwright-core';

/**
 * Prints HTML to an A4 PDF with Debian's Chromium. One browser stays open for the life of the
 * process and jobs run one at a time (DESIGN.md: ~0.2 s a warm page), so a burst of requests
 * queues instead of starting a browser each.
 */
let browser: Promise<Browser> | undefined;
let queue: Promise<unknown> = Promise.resolve();

function getBrowser(): Promise<Browser> {
  browser ??= import('playwright-core').then(({ chromium }) =>
    chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
        '--disable-sync',
      ],
    }),
  );
  browser.catch(() => {
    browser = undefined;
  });
  return browser;
}

async function print(html: string): Promise<Buffer> {
  const page = await (await getBrowser()).newPage();
  try {
    // The printable pages are self-contained: no network needed, none allowed.
    await page.route('**/*', (route) => (route.request().url().startsWith('data:') ? route.continue() : route.abort()));
    await page.setContent(html, { waitUntil: 'load' });
    return await page.pdf({ format: 'A4', printBackground: true, margin: { top: '15mm', bottom: '15mm', left: '15mm', right: '15mm' } });
  } finally {
    await page.close();
  }
}

export function printPdf(html: string): Promise<Buffer> {
  const job = queue.then(() => print(html));
  queue = job.catch(() => {});
  return job;
}

export async function closePrinter(): Promise<void> {
  const open = browser;
  browser = undefined;
  if (open) await (await open).close().catch(() => {});
}
