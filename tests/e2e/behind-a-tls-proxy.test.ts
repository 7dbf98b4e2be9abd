import { describe, expect, it } from 'vitest';
import { TLS_HOST } from './support/global-setup.ts';
import { siteUrl } from './support/journey.ts';

/** What nginx terminating TLS for the public host sends on (docs/deploy.md). */
const forwarded = { 'x-forwarded-proto': 'https', 'x-forwarded-host': TLS_HOST };
const post = (headers: Record<string, string>) =>
  fetch(siteUrl('/institutions/register'), {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body: '_step=consent',
  });

/**
 * docs/deploy.md, "Settings for every instance" (SITE_DOMAINS): behind a TLS proxy the site still
 * takes form posts from its own https origin, refuses them from any other, and sends HSTS; built
 * with SITE_DOMAINS naming the public host, as the e2e setup does.
 */
describe('the site behind a TLS-terminating proxy', () => {
  it('accepts a form post from its public https origin and answers with HSTS', async () => {
    const response = await post({ ...forwarded, origin: `https://${TLS_HOST}` });
    expect(response.status).not.toBe(403);
    expect(await response.text()).toContain('请阅读并勾选同意后再继续');
    expect(response.headers.get('strict-transport-security')).toMatch(/max-age=\d{8}/);
  });

  it('refuses a cross-site post, and believes no host it was not told about', async () => {
    const crossSite = await post({ ...forwarded, origin: 'https://evil.test' });
    expect(crossSite.status).toBe(403);
    expect(await crossSite.text()).toContain('出于安全原因，本站只接受从本站页面提交的表单');
    const spoofed = await post({ 'x-forwarded-proto': 'https', 'x-forwarded-host': 'evil.test', origin: 'https://evil.test' });
    expect(spoofed.status).toBe(403);
  });

  it('sends no HSTS over plain HTTP', async () => {
    const response = await fetch(siteUrl('/'));
    expect(response.headers.get('strict-transport-security')).toBeNull();
  });
});
