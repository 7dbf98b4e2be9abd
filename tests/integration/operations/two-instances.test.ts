import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AstroUserConfig } from 'astro';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from '../../../scripts/lib/build.ts';
import { SITE_DIR } from '../../../scripts/lib/paths.ts';
import { findFreePort } from '../../../scripts/lib/ports.ts';
import type { Service } from '../../../scripts/lib/processes.ts';
import { startCms, startSite } from '../../../scripts/lib/stack.ts';
import { TLS_HOST } from '../../e2e/support/global-setup.ts';
import { signInAs } from '../support/admin.ts';
import { postFile, SAMPLE_PDF } from '../support/files.ts';
import { gateLinkFor, unitCode, validDataApplication, validInstitution, validStatistician } from '../support/fixtures.ts';
import { getJson, postJson, type Submitted } from '../support/http.ts';
import { PRIVATE_STORES, startPrivateStore, type TestPrivateStore } from '../support/private-stores.ts';
import { approvedInstitution } from '../support/review.ts';
import { type RoundRobinProxy, startRoundRobinProxy } from '../support/round-robin-proxy.ts';
import { bootCms, createApiToken, type TestCms } from '../support/strapi.ts';

const PHONE = '13600136000';
const SITE_PHONE = '13600136001';
const ADMIN = { email: 'reviewer.two@statdesk.local', password: 'Two-Instances-2026' };

async function eventually<T>(read: () => Promise<T>, accept: (value: T) => boolean, ms = 10_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (accept(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * docs/deploy.md, "Why any instance can answer any request": two Strapi instances on one database
 * behind a round-robin proxy, and two site instances behind another. Whatever instance takes a
 * write, the other serves it: records, query tokens, uploaded scans (in one shared folder or one
 * S3-compatible bucket), the reporting gate's index, admin sign-ins and a visitor's open query.
 */
describe.each(PRIVATE_STORES)(
  'two Strapi instances and two site instances behind load balancers, private files in the %s store',
  (kind) => {
    let store: TestPrivateStore;
    let first: TestCms;
    let second: Service;
    let secondUrl: string;
    let proxy: RoundRobinProxy;
    let apiToken: string;
    let sites: Service[] = [];
    let siteUrls: string[] = [];
    let siteProxy: RoundRobinProxy;
    const instances = () => [first.url, secondUrl];

    beforeAll(async () => {
      store = await startPrivateStore(kind);
      first = await bootCms('two_instances', { TRUSTED_PROXIES: '127.0.0.1', ...store.env });
      const port = await findFreePort();
      // Same database, secrets and private store (process.env, as bootCms set it): a second machine's settings.
      second = await startCms({ port, env: { ...process.env, DATABASE_URL: first.databaseUrl } });
      secondUrl = `http://127.0.0.1:${port}`;
      proxy = await startRoundRobinProxy(instances());
      apiToken = await createApiToken(first, 'read-only');
      // The same build as the browser tests' (their public host name), so that neither rebuilds for the other.
      await buildSite({ ...process.env, SITE_DOMAINS: TLS_HOST });
      for (let i = 0; i < 2; i++) {
        const sitePort = await findFreePort();
        sites.push(await startSite({ port: sitePort, cmsUrl: proxy.url, env: { SITE_SECRET: 'two-instances' } }));
        siteUrls.push(`http://127.0.0.1:${sitePort}`);
      }
      siteProxy = await startRoundRobinProxy(siteUrls);
    }, 300_000);
    afterAll(async () => {
      await siteProxy?.stop();
      for (const site of sites) await site.stop();
      sites = [];
      siteUrls = [];
      await proxy?.stop();
      await second?.stop();
      await first?.stop();
      await store?.stop();
    });

    it('serves a record, its token and its scan from whichever instance a request reaches', async () => {
      const institution = await approvedInstitution(first, { contactPhone: PHONE });
      const application = await postJson<Submitted & { token: string }>(
        proxy.url,
        '/api/public/data-applications',
        validDataApplication(institution.applicationNo, { leaderPhone: PHONE }),
      );
      expect(application.status).toBe(201);
      const attached = await postFile(
        `${proxy.url}/api/public/records/${application.body.applicationNo}/attachments`,
        SAMPLE_PDF,
        '立项书.pdf',
        {
          authorization: `Bearer ${application.body.token}`,
        },
      );
      expect(attached.status).toBe(201);
      const opened = await postJson<{ token: string }>(proxy.url, '/api/public/query', {
        phone: PHONE,
        password: application.body.queryPassword,
      });
      expect(opened.status).toBe(200);
      for (const url of instances()) {
        const listed = await getJson<{ attachments: Array<{ fileName: string }> }>(
          url,
          `/api/public/records/${application.body.applicationNo}/attachments`,
          {
            authorization: `Bearer ${opened.body.token}`,
          },
        );
        expect(listed.body.attachments.map((file) => file.fileName)).toEqual(['立项书.pdf']);
        const records = await getJson<{ records: Array<{ recordNo: string }> }>(url, '/api/public/records', {
          authorization: `Bearer ${opened.body.token}`,
        });
        // Every record of the phone: the institution and its data application.
        expect(records.body.records.map((record) => record.recordNo)).toEqual([application.body.applicationNo, institution.applicationNo]);
      }
      // The scan itself, written through one instance, is read back by each.
      const reviewer = await signInAs(first, 'Reviewer', `reviewer.${kind}@stats.example`);
      for (const url of instances()) {
        const scan = await fetch(`${url}/review-desk/records/${application.body.applicationNo}/attachments/1?download=1`, {
          headers: { authorization: `Bearer ${reviewer.token}` },
        });
        expect(scan.status).toBe(200);
        expect(Buffer.from(await scan.arrayBuffer()).equals(SAMPLE_PDF)).toBe(true);
      }
      expect([...proxy.served.values()].every((count) => count > 0)).toBe(true);
    });

    it('opens the reporting gate on both instances for a statistician registered through either', async () => {
      const code = unitCode(4_242);
      const registered = await postJson(
        proxy.url,
        '/api/public/statisticians',
        // Through the link one instance's gate gave: any instance checks its signature.
        validStatistician({
          serviceUnits: [{ code, name: '某企业', role: 'comprehensive' }],
          gateToken: (await gateLinkFor(proxy.url, apiToken, code)).token,
        }),
      );
      expect(registered.status).toBe(201);
      for (const url of instances()) {
        const gate = () => getJson<{ allowed: boolean }>(url, `/api/direct-report/gate/${code}`, { authorization: `Bearer ${apiToken}` });
        expect((await eventually(gate, (answer) => answer.body.allowed)).body).toMatchObject({ allowed: true });
      }
    });

    it('keeps a reviewer signed in whichever instance answers', async () => {
      const role = (await first.strapi.db.query('admin::role').findOne({ where: { code: 'strapi-super-admin' } })) as { id: number };
      const users = first.strapi.service('admin::user') as { create(attributes: Record<string, unknown>): Promise<unknown> };
      await users.create({ ...ADMIN, firstname: '审核', lastname: '员', isActive: true, registrationToken: null, roles: [role.id] });
      const login = await postJson<{ data: { token: string } }>(proxy.url, '/admin/login', ADMIN);
      expect(login.status).toBe(200);
      for (const url of instances()) {
        const me = await getJson<{ data: { email: string } }>(url, '/admin/users/me', { authorization: `Bearer ${login.body.data.token}` });
        expect(me.body.data.email).toBe(ADMIN.email);
      }
    });

    it('keeps a visitor’s query open on whichever site instance answers, in a cookie and nothing else', async () => {
      const institution = await postJson<Submitted>(proxy.url, '/api/public/institutions', validInstitution({ contactPhone: SITE_PHONE }));
      expect(institution.status).toBe(201);
      const opened = await fetch(`${siteProxy.url}/query`, {
        method: 'POST',
        redirect: 'manual',
        headers: { origin: siteProxy.url, 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ phone: SITE_PHONE, password: institution.body.queryPassword }),
      });
      expect(opened.status).toBe(303);
      const cookies = opened.headers.getSetCookie().map((cookie) => cookie.split(';')[0] ?? '');
      expect(cookies.map((cookie) => cookie.split('=')[0])).toEqual(['sd_records']);
      // The proxy takes turns: the post went to one instance, these two reads reach both.
      for (let read = 0; read < 2; read++) {
        const page = await fetch(`${siteProxy.url}/query`, { headers: { cookie: cookies.join('; ') } });
        expect(page.status).toBe(200);
        expect(await page.text()).toContain(institution.body.applicationNo);
      }
      expect([...siteProxy.served.values()].every((count) => count > 0)).toBe(true);
    });

    it('runs the site without Astro’s sessions on the machine’s disk', async () => {
      // What the node adapter does with our configuration at build time (@astrojs/node, astro:config:setup).
      const { default: siteConfig } = (await import(pathToFileURL(join(SITE_DIR, 'astro.config.mjs')).href)) as {
        default: AstroUserConfig;
      };
      const logged: string[] = [];
      const updates: Array<{ session?: unknown }> = [];
      const config = { ...siteConfig, cacheDir: new URL('file:///tmp/astro-cache/'), image: { endpoint: {} }, build: {}, server: {} };
      await siteConfig.adapter?.hooks['astro:config:setup']?.({
        config,
        command: 'build',
        logger: { info: (line: string) => logged.push(line) },
        updateConfig: (update: { session?: unknown }) => updates.push(update),
      } as never);
      expect(logged.filter((line) => /session/i.test(line))).toEqual([]);
      expect(updates.map((update) => update.session)).toEqual([false]);
      // And what the running instances were built with: no session driver, no folder for it.
      const entry = readFileSync(join(SITE_DIR, 'dist', 'server', 'entry.mjs'), 'utf8');
      expect(entry).not.toContain('"sessionConfig":{');
      expect(entry).not.toContain('drivers/fs-lite');
      expect(existsSync(join(SITE_DIR, 'node_modules', '.astro', 'sessions'))).toBe(false);
      for (const site of sites) expect(site.recentOutput()).not.toMatch(/Enabling sessions/);
    });
  },
);
