import AxeBuilder from '@axe-core/playwright';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { expect, inject } from 'vitest';
import { type ExpectedFailure, watchAdmin } from './admin-problems.ts';
import { saveScreenshot, VIEWPORTS } from './browser.ts';

export const siteUrl = (path = '/') => `${inject('siteUrl')}${path}`;
export const cmsUrl = (path: string) => `${inject('cmsUrl')}${path}`;

/**
 * A page of the admin, signed in as `user` (the super admin unless said), on its home page. Its
 * console errors and failed calls are collected from the start, less the `expected` ones: end the
 * journey with expectNoAdminProblems(page).
 */
export async function signInToAdmin(
  browser: Browser,
  user = { email: inject('adminEmail'), password: inject('adminPassword') },
  expected: readonly ExpectedFailure[] = [],
): Promise<Page> {
  const page = await openPage(browser, { locale: 'zh-CN', viewport: { width: 1440, height: 900 } });
  const problems = watchAdmin(page);
  // Calls known to fail from the first page on (see AdminProblems.expect), accepted before it loads.
  for (const call of expected) problems.expect(call);
  await page.goto(cmsUrl('/admin/auth/login'));
  await page.locator('input[name="email"]').fill(user.email);
  await page.locator('input[name="password"]').fill(user.password);
  await page.locator('button[type="submit"]').click();
  await page.waitForURL(/\/admin\/?$/);
  return page;
}

/** Runs axe-core with the WCAG 2.2 AA rules (and the A and 2.1 ones under them) and expects no violation. */
export async function expectAccessible(page: Page, label: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  expect(summary, label).toEqual([]);
}

/** Saves the page at desktop and phone widths, for people to look at (tests/e2e/screenshots/). */
export async function screenshotBothWidths(page: Page, name: string): Promise<void> {
  const original = page.viewportSize();
  for (const [label, size] of Object.entries(VIEWPORTS)) {
    await page.setViewportSize(size);
    await saveScreenshot(page, `${name}-${label}`);
  }
  if (original) await page.setViewportSize(original);
}

/** Looks at a page as every browser journey does: accessible, and photographed at both widths. */
export async function review(page: Page, name: string): Promise<void> {
  await expectAccessible(page, name);
  await screenshotBothWidths(page, name);
}

/** Fills a text input, textarea or select by its visible label. */
export async function fillByLabel(page: Page, answers: Record<string, string>): Promise<void> {
  for (const [label, value] of Object.entries(answers)) {
    const field = page.getByLabel(label, { exact: true });
    if ((await field.evaluate((el) => el.tagName)) === 'SELECT') await field.selectOption(value);
    else await field.fill(value);
  }
}

/**
 * A page in its own context (axe-core needs one), closed with the context. The browser's clock is
 * Beijing time, as the office's and the applicants' are: the admin shows instants in local time.
 */
export async function openPage(browser: Browser, options: BrowserContextOptions = { locale: 'zh-CN' }): Promise<Page> {
  const context = await browser.newContext({ timezoneId: 'Asia/Shanghai', ...options });
  const page = await context.newPage();
  // Closing the page closes its context; after the browser itself has gone, that is a no-op, not an error.
  page.on('close', () => {
    context.close().catch(() => {});
  });
  return page;
}
