import { describe, expect, it } from 'vitest';
import { localizeLinks, pathIn, splitLocale } from '../../../../site/src/lib/locale.ts';

describe('the language of an address', () => {
  it('reads /en/… as the page of /… in English, and anything else as zh-CN', () => {
    expect(splitLocale('/en/query')).toEqual({ locale: 'en', pathname: '/query' });
    expect(splitLocale('/en')).toEqual({ locale: 'en', pathname: '/' });
    expect(splitLocale('/english')).toEqual({ locale: 'zh-CN', pathname: '/english' });
    expect(pathIn('en', '/')).toBe('/en');
    expect(pathIn('en', '/query')).toBe('/en/query');
    expect(pathIn('zh-CN', '/query')).toBe('/query');
  });

  it('keeps an English page’s own links and redirects in English, and leaves files and other sites alone', async () => {
    const html =
      '<a href="/query">q</a><a href="/en/stats">s</a><a href="https://other.example/x">o</a><link href="/_astro/a.css"><form action="/records/1/upload"><button formaction="http://127.0.0.1/query">中文</button></form><link href="/favicon.svg">';
    const page = await localizeLinks(new Response(html, { headers: { 'Content-Type': 'text/html; charset=utf-8' } }), 'en');
    expect(await page.text()).toBe(
      '<a href="/en/query">q</a><a href="/en/stats">s</a><a href="https://other.example/x">o</a><link href="/_astro/a.css"><form action="/en/records/1/upload"><button formaction="http://127.0.0.1/query">中文</button></form><link href="/favicon.svg">',
    );
    const redirect = await localizeLinks(new Response(null, { status: 303, headers: { Location: '/confirmation' } }), 'en');
    expect(redirect.headers.get('Location')).toBe('/en/confirmation');
    const zh = new Response(html, { headers: { 'Content-Type': 'text/html' } });
    expect(await localizeLinks(zh, 'zh-CN')).toBe(zh);
  });
});
