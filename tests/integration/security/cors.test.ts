import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootCms, type TestCms } from '../support/strapi.ts';

const SITE = 'https://www.stats.example';
const ADMIN = 'https://cms.stats.example';
const EVIL = 'https://evil.example';

/** Only the configured site and admin origins may call the CMS with the browser's credentials. */
describe('cross-origin calls to the CMS', () => {
  let cms: TestCms;

  beforeAll(async () => {
    cms = await bootCms('cors', { SITE_DOMAINS: 'www.stats.example', CMS_PUBLIC_URL: ADMIN });
  });
  afterAll(async () => {
    await cms?.stop();
  });

  const preflightOfAccessToken = (origin: string) =>
    fetch(`${cms.url}/admin/access-token`, {
      method: 'OPTIONS',
      headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
    });
  const apiGet = (origin: string) => fetch(`${cms.url}/api/public/catalog`, { headers: { origin } });

  it('gives another site no access to the admin token route or the API', async () => {
    for (const response of [await preflightOfAccessToken(EVIL), await apiGet(EVIL)]) {
      expect(response.headers.get('access-control-allow-origin'), response.url).toBeNull();
      expect(response.headers.get('access-control-allow-credentials'), response.url).toBeNull();
    }
  });

  it('allows the site and the admin origin named in the settings', async () => {
    for (const origin of [SITE, ADMIN]) {
      expect((await preflightOfAccessToken(origin)).headers.get('access-control-allow-origin'), origin).toBe(origin);
      expect((await apiGet(origin)).headers.get('access-control-allow-origin'), origin).toBe(origin);
    }
  });

  it('still answers the site server, which sends no Origin', async () => {
    const response = await fetch(`${cms.url}/api/public/catalog`);
    expect(response.status).toBe(200);
  });
});
