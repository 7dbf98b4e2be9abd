import { describe, expect, it } from 'vitest';
import { isCrossSiteFormPost } from '../../../../site/src/lib/origin-check.ts';

const SITE = new URL('https://www.stats.example/institutions/register');
const request = (method: string, headers: Record<string, string>) => new Request(SITE, { method, headers });

describe('the cross-site form check', () => {
  it('refuses a form posted from another origin, in each of the three encodings a browser sends across sites', () => {
    for (const type of ['application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'text/plain;charset=UTF-8']) {
      expect(isCrossSiteFormPost(request('POST', { origin: 'https://evil.test', 'content-type': type }), SITE)).toBe(true);
    }
  });

  it('refuses a post with no Origin, as a browser that names none cannot be told apart from a forger', () => {
    expect(isCrossSiteFormPost(request('POST', { 'content-type': 'application/x-www-form-urlencoded' }), SITE)).toBe(true);
    expect(isCrossSiteFormPost(request('DELETE', {}), SITE)).toBe(true);
  });

  it('takes a form posted from the site itself, and reads of any origin', () => {
    const sameSite = { origin: 'https://www.stats.example', 'content-type': 'application/x-www-form-urlencoded' };
    expect(isCrossSiteFormPost(request('POST', sameSite), SITE)).toBe(false);
    expect(isCrossSiteFormPost(request('GET', { origin: 'https://evil.test' }), SITE)).toBe(false);
  });

  it('leaves JSON to the page (a browser cannot send it across sites without a preflight)', () => {
    expect(isCrossSiteFormPost(request('POST', { origin: 'https://evil.test', 'content-type': 'application/json' }), SITE)).toBe(false);
  });
});
