import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootCms, createApiToken, type TestCms } from '../support/strapi.ts';

/**
 * docs/operations.md, "Security tests": every API answer, good or bad, carries the headers that
 * keep a browser from misusing it.
 */
describe('security headers on the API', () => {
  let cms: TestCms;
  let token: string;

  beforeAll(async () => {
    cms = await bootCms('headers');
    token = await createApiToken(cms, 'read-only');
  });
  afterAll(async () => {
    await cms?.stop();
  });

  const answers = () => [
    { what: 'a public page of content', request: fetch(`${cms.url}/api/health`) },
    {
      what: 'a refused submission',
      request: fetch(`${cms.url}/api/public/statisticians`, { method: 'POST', body: '{', headers: { 'content-type': 'application/json' } }),
    },
    { what: 'an unknown route', request: fetch(`${cms.url}/api/nothing-here`) },
    {
      what: 'the gate fast path',
      request: fetch(`${cms.url}/api/direct-report/gate/X`, { headers: { authorization: `Bearer ${token}` } }),
    },
  ];

  it('sends nosniff, no framing, a referrer policy, a CSP and HSTS on every answer', async () => {
    for (const { what, request } of answers()) {
      const response = await request;
      expect(response.status, what).toBeLessThan(500);
      expect(response.headers.get('x-content-type-options'), what).toBe('nosniff');
      const framing = `${response.headers.get('content-security-policy') ?? ''} ${response.headers.get('x-frame-options') ?? ''}`;
      expect(framing, what).toMatch(/frame-ancestors 'none'|DENY|SAMEORIGIN/i);
      expect(response.headers.get('content-security-policy'), what).toBeTruthy();
      expect(response.headers.get('referrer-policy'), what).toBeTruthy();
      expect(response.headers.get('x-powered-by'), what).toBeNull();
      expect(response.headers.get('strict-transport-security'), what).toMatch(/max-age=\d{8}/);
    }
  });
});
