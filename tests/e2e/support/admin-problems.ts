import type { Page } from 'playwright-core';
import { expect, inject } from 'vitest';

/**
 * What went wrong in the admin while a journey used it: console errors (react-intl's
 * MISSING_TRANSLATION among them), uncaught exceptions, and answers of 400 or more from the CMS's
 * own origin. Calls a journey makes fail on purpose (a decision without its reason) are named
 * in `expected` by method and path; everything else fails the journey.
 */
export interface AdminProblems {
  /** Also accept a failing answer to these calls from now on, e.g. { method: 'POST', path: /\/decisions$/, status: 400 }. */
  expect(call: ExpectedFailure): void;
  readonly seen: readonly string[];
}

export interface ExpectedFailure {
  method: string;
  path: RegExp;
  status: number;
}

const watched = new WeakMap<Page, AdminProblems>();

const isExpected = (expected: ExpectedFailure[], method: string, url: string, status: number) => {
  const { pathname } = new URL(url);
  return expected.some((call) => call.method === method && call.status === status && call.path.test(pathname));
};

/** Starts collecting the admin's problems on `page` (before its first navigation, to miss nothing). */
export function watchAdmin(page: Page): AdminProblems {
  const existing = watched.get(page);
  if (existing) return existing;
  const origin = new URL(inject('cmsUrl')).origin;
  const expected: ExpectedFailure[] = [];
  const failedUrls = new Set<string>();
  const seen: string[] = [];
  page.on('response', (response) => {
    const request = response.request();
    if (new URL(response.url()).origin !== origin || response.status() < 400) return;
    if (isExpected(expected, request.method(), response.url(), response.status())) {
      failedUrls.add(response.url());
      return;
    }
    seen.push(`${response.status()} ${request.method()} ${new URL(response.url()).pathname}`);
  });
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    // Chromium also logs each failing answer; an expected one is not a problem twice over.
    if (message.text().startsWith('Failed to load resource') && failedUrls.has(message.location().url)) return;
    seen.push(`console: ${message.text().slice(0, 300)}`);
  });
  page.on('pageerror', (error) => {
    seen.push(`uncaught: ${error.message.slice(0, 300)}`);
  });
  const problems: AdminProblems = {
    expect: (call) => {
      expected.push(call);
    },
    seen,
  };
  watched.set(page, problems);
  return problems;
}

/** Fails the journey on anything the admin reported on `page` so far (see watchAdmin). */
export function expectNoAdminProblems(page: Page, label = 'admin'): void {
  const problems = watched.get(page);
  if (!problems) throw new Error('watchAdmin(page) was not called before the admin was opened');
  expect(problems.seen, `${label}: console errors and failed calls`).toEqual([]);
}
