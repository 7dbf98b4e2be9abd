import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { institutionCode } from '../integration/support/fixtures.ts';
import { launchBrowser } from './support/browser.ts';
import { fillByLabel, openPage, siteUrl } from './support/journey.ts';

/** Answers typed in English before switching language; the same fields carry Chinese labels on the zh-CN page. */
const TYPED = { 'Full name of the institution': 'University of Edinburgh', 'Postal address': 'Old College, South Bridge, Edinburgh' };
const TYPED_ZH = { 机构单位全称: 'University of Edinburgh', 通讯地址: 'Old College, South Bridge, Edinburgh' };

/** The page's lang and its alternates by hreflang, as paths. */
const languageOf = async (page: Page) => ({
  lang: await page.locator('html').getAttribute('lang'),
  alternates: Object.fromEntries(
    await page
      .locator('link[rel="alternate"]')
      .evaluateAll((links) => links.map((link) => [link.getAttribute('hreflang'), new URL(link.getAttribute('href') ?? '').pathname])),
  ),
});

/** From the home page in English to the institution form's questions, past the notice. */
async function reachTheQuestions(page: Page) {
  await page.goto(siteUrl('/en/'));
  await page.getByRole('link', { name: 'Register an institution' }).click();
  expect(new URL(page.url()).pathname).toBe('/en/institutions/register');
  await page.getByLabel(/I have read and agree/).check();
  await page.getByRole('button', { name: 'Agree and continue' }).click();
  await expect(page.locator('h1').textContent()).resolves.toBe('Register an institution');
}

describe('applying in English', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('serves every page in zh-CN at its address and in English under /en, each naming the other', async () => {
    const page = await openPage(browser);
    await page.goto(siteUrl('/query'));
    expect(await languageOf(page)).toEqual({ lang: 'zh-CN', alternates: { 'zh-CN': '/query', en: '/en/query', 'x-default': '/query' } });
    await page.getByRole('link', { name: 'English' }).click();
    expect(new URL(page.url()).pathname).toBe('/en/query');
    expect(await languageOf(page)).toEqual({ lang: 'en', alternates: { 'zh-CN': '/query', en: '/en/query', 'x-default': '/query' } });
    await expect(page.locator('h1').textContent()).resolves.toBe('Application status');
    // The page's own links stay in English.
    await page.getByRole('link', { name: 'Forgotten your look-up password' }).click();
    expect(new URL(page.url()).pathname).toBe('/en/query/forgot');
    await page.getByRole('link', { name: '中文' }).click();
    expect(new URL(page.url()).pathname).toBe('/query/forgot');
    await expect(page.locator('h1').textContent()).resolves.toBe('忘记查询密码');
    await page.close();
  });

  for (const javaScriptEnabled of [true, false]) {
    it(`keeps the answers typed so far when switching language on a form, with JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, async () => {
      const page = await openPage(browser, { javaScriptEnabled, locale: 'en-GB' });
      await reachTheQuestions(page);
      await fillByLabel(page, TYPED);

      await page.getByRole('button', { name: '中文' }).click();
      expect(new URL(page.url()).pathname).toBe('/institutions/register');
      expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
      await expect(page.locator('h1').textContent()).resolves.toBe('机构登记');
      for (const [label, value] of Object.entries(TYPED_ZH))
        await expect(page.getByLabel(label, { exact: true }).inputValue()).resolves.toBe(value);
      // Switching is not sending: nothing is judged yet.
      expect(await page.locator('.error-summary').count()).toBe(0);

      await page.getByRole('button', { name: 'English' }).click();
      expect(new URL(page.url()).pathname).toBe('/en/institutions/register');
      for (const [label, value] of Object.entries(TYPED))
        await expect(page.getByLabel(label, { exact: true }).inputValue()).resolves.toBe(value);

      // An answer left out is refused in English, next to its question and in the summary.
      await page.getByRole('button', { name: 'Continue' }).click();
      await expect(page.title()).resolves.toMatch(/^Error: /);
      await expect(page.locator('.error-summary').textContent()).resolves.toContain('There is a problem');
      await expect(page.locator('#contactPhone-error').textContent()).resolves.toContain('Enter Contact’s phone');
      for (const [label, value] of Object.entries(TYPED))
        await expect(page.getByLabel(label, { exact: true }).inputValue()).resolves.toBe(value);
      await page.close();
    });
  }

  it('registers an institution in English, up to an English confirmation', async () => {
    const page = await openPage(browser, { locale: 'en-GB' });
    await reachTheQuestions(page);
    await fillByLabel(page, {
      ...TYPED,
      'Unified social credit code': institutionCode(28),
      'Website (optional)': 'www.ed.ac.uk',
      'Email address': 'office@ed.ac.uk',
      'Legal representative’s name': 'Peter Mathieson',
      'Legal representative’s position': 'Principal',
      'Contact’s name': 'Jane Smith',
      'Contact’s position': 'Research officer',
      'Contact’s phone': '139 1234 5679',
      'Contact’s email address': 'jane.smith@ed.ac.uk',
    });
    await page.getByLabel(/I have read and agree/).check();
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect(page.locator('h1').textContent()).resolves.toBe('Check your answers');
    await expect(page.locator('.summary-list').textContent()).resolves.toContain('https://www.ed.ac.uk/');
    await page.getByRole('button', { name: 'Send the institution registration' }).click();

    expect(new URL(page.url()).pathname).toBe('/en/confirmation');
    await expect(page.locator('h1').textContent()).resolves.toBe('Institution registration sent');
    expect(await page.locator('#application-no').textContent()).toMatch(/^JG-\d{4}-\d{6}$/);
    await expect(page.getByRole('link', { name: 'Download the form (PDF)' }).isVisible()).resolves.toBe(true);
    await page.close();
  });

  it('asks statistics staff and agencies in English too, and refuses a wrong ID number in English next to its field', async () => {
    const page = await openPage(browser, { locale: 'en-GB' });
    await page.goto(siteUrl('/en/statisticians/register'));
    await fillByLabel(page, { 'Full name': 'Zhang Wei', 'Resident ID card number': '51010419900307' });
    await page.getByLabel('I am registering myself').check();
    await page.getByRole('button', { name: 'Continue' }).click();
    const idError = page.locator('#idNumber-error');
    await expect(idError.textContent()).resolves.toContain('An ID card number is 18 characters: 17 digits, then a digit or X');
    // What was typed stays.
    await expect(page.getByLabel('Full name').inputValue()).resolves.toBe('Zhang Wei');

    await page.goto(siteUrl('/en/agencies/register'));
    for (const label of ['Agency name', 'County, city or district', 'Office address', 'Contact’s phone'])
      await expect(page.getByLabel(label, { exact: true }).count()).resolves.toBe(1);
    await page.close();
  });
});
