import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findFreePort } from '../../../scripts/lib/ports.ts';
import type { Service } from '../../../scripts/lib/processes.ts';
import { startCms } from '../../../scripts/lib/stack.ts';
import { validInstitution } from '../support/fixtures.ts';
import { postJson, type Submitted } from '../support/http.ts';
import { bootCms, type TestCms } from '../support/strapi.ts';

const GUESSES = 10_000;
const ADDRESSES = 50;
const IN_FLIGHT = 25;
const PHONE = '13900139000';
/**
 * The attempt limits (docs/deploy.md, "Security model"): 5 failures per phone and 20 per client
 * address in 15 minutes.
 */
const ATTEMPT_LIMITS = { perSubject: 5, perAddress: 20 };

/**
 * docs/deploy.md, "What the attempt limits hold against": query-password guessing spread over 50
 * client addresses and two Strapi instances on one database. The failure counts live in PostgreSQL,
 * so neither the address nor the instance a guess goes to gives it a fresh allowance.
 */
describe('brute force against the query password, two instances', () => {
  let cms: TestCms;
  let second: Service;
  let secondUrl: string;
  let own: Submitted;

  beforeAll(async () => {
    // The test client stands in for the site (the trusted proxy) and says where each guess comes from.
    cms = await bootCms('brute_force', { TRUSTED_PROXIES: '127.0.0.1' });
    const port = await findFreePort();
    // Same database and secrets (process.env, as bootCms set it): what a second machine would have.
    second = await startCms({ port, env: { ...process.env, DATABASE_URL: cms.databaseUrl, TRUSTED_PROXIES: '127.0.0.1' } });
    secondUrl = `http://127.0.0.1:${port}`;
    own = (await postJson<Submitted>(cms.url, '/api/public/institutions', validInstitution({ contactPhone: PHONE }))).body;
  }, 180_000);
  afterAll(async () => {
    await second?.stop();
    await cms?.stop();
  });

  it('lets 10 000 guesses open nothing and holds the per-phone and per-address limits across both', async () => {
    const statuses = new Map<number, number>();
    const evaluatedByAddress = new Map<string, number>();
    let evaluatedForPhone = 0;
    let next = 0;
    const guess = async () => {
      while (next < GUESSES) {
        const i = next++;
        const address = `198.18.0.${i % ADDRESSES}`;
        // One guess in five at the real phone, the rest at 400 others.
        const phone = i % 5 === 0 ? PHONE : `1370000${String(i % 400).padStart(4, '0')}`;
        const { status } = await postJson(
          i % 2 === 0 ? cms.url : secondUrl,
          '/api/public/query',
          { phone, password: `GUES-${String(i).padStart(4, '0')}-XXXX` },
          { 'x-forwarded-for': address },
        );
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
        if (status === 401) {
          evaluatedByAddress.set(address, (evaluatedByAddress.get(address) ?? 0) + 1);
          if (phone === PHONE) evaluatedForPhone++;
        }
      }
    };
    await Promise.all(Array.from({ length: IN_FLIGHT }, guess));

    expect([...statuses.keys()].sort()).toEqual([401, 429]);
    expect(evaluatedForPhone).toBeLessThanOrEqual(ATTEMPT_LIMITS.perSubject);
    expect(Math.max(...evaluatedByAddress.values())).toBeLessThanOrEqual(ATTEMPT_LIMITS.perAddress);
    expect(statuses.get(401)).toBeLessThanOrEqual(ADDRESSES * ATTEMPT_LIMITS.perAddress);
    // Even the right password is refused now, from a new address, on either instance.
    for (const [url, address] of [
      [cms.url, '192.0.2.1'],
      [secondUrl, '192.0.2.2'],
    ] as const) {
      const right = await postJson(url, '/api/public/query', { phone: PHONE, password: own.queryPassword }, { 'x-forwarded-for': address });
      expect(right.status).toBe(429);
    }
  }, 300_000);

  it('holds the staff sign-in limit across both instances, which count in PostgreSQL, not each in memory', async () => {
    const staff = { email: 'guessed.reviewer@statdesk.local', password: 'Right-Password-2026' };
    const role = (await cms.strapi.db.query('admin::role').findOne({ where: { code: 'strapi-super-admin' } })) as { id: number };
    const users = cms.strapi.service('admin::user') as { create(attributes: Record<string, unknown>): Promise<unknown> };
    await users.create({ ...staff, firstname: '审核', lastname: '员', isActive: true, registrationToken: null, roles: [role.id] });
    const signIn = (url: string, password: string, address: string) =>
      postJson<{ error?: { message: string } }>(url, '/admin/login', { email: staff.email, password }, { 'x-forwarded-for': address });

    // Five wrong passwords, alternating instances (three and two: under Strapi's own five on each).
    for (let i = 0; i < ATTEMPT_LIMITS.perSubject; i++) {
      const wrong = await signIn(i % 2 === 0 ? cms.url : secondUrl, `Wrong-${i}`, `203.0.113.${i}`);
      expect(wrong.status).toBe(400);
      expect(wrong.body.error?.message).toBe('邮箱或密码不正确');
    }
    // Now even the right password waits, on either instance and from a new address.
    for (const url of [secondUrl, cms.url]) {
      const right = await signIn(url, staff.password, '203.0.113.99');
      expect(right.status).toBe(429);
      expect(right.body.error?.message).toMatch(/^登录尝试次数过多，请\d+分钟后再试$/);
    }
  });
});
