import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeIdCardCheckChar } from '../../../config/src/validators/id-card.ts';
import { validStatistician } from '../support/fixtures.ts';
import { postJson } from '../support/http.ts';
import { bootCms, type TestCms } from '../support/strapi.ts';

/** ATTEMPT_LIMITS.perAddress of cms/src/lib/attempt-limit.ts: failures one address may have in 15 minutes. */
const PER_ADDRESS = 20;
const REGISTERED_ID = validStatistician().idNumber as string;
/** A valid resident ID (GB 11643) no one has registered: 17 digits and their check character. */
const freshId = (n: number) => {
  const body = `51010419900101${String(n).padStart(3, '0')}`;
  return `${body}${computeIdCardCheckChar(body)}`;
};

/**
 * A 409 on a statistician's registration says "this ID number is registered" to whoever sends
 * it. It counts against the sender's address like a wrong query password (lib/attempt-limit), so
 * no address can walk through ID numbers; the limit's state is in PostgreSQL.
 */
describe('POST /api/public/statisticians with an ID someone registered', () => {
  let cms: TestCms;
  const register = (idNumber: string, address: string) =>
    postJson<{ error: { status: number; message: string } }>(cms.url, '/api/public/statisticians', validStatistician({ idNumber }), {
      'x-forwarded-for': address,
    });

  beforeAll(async () => {
    // The test client is the "proxy", so each request can say which address it comes from.
    cms = await bootCms('registered_id_probing', { TRUSTED_PROXIES: '127.0.0.1' });
    expect((await register(REGISTERED_ID, '198.51.100.1')).status).toBe(201);
  });
  afterAll(async () => {
    await cms?.stop();
  });

  it('answers 429 after 20 conflicts from one address, also for an ID no one holds', async () => {
    const prober = '198.51.100.66';
    for (let i = 0; i < PER_ADDRESS; i++) expect((await register(REGISTERED_ID, prober)).status).toBe(409);

    const limited = await register(REGISTERED_ID, prober);
    expect(limited.status).toBe(429);
    expect(limited.body.error.message).toBe('尝试次数过多，请15分钟后再试');
    expect(limited.headers.get('retry-after')).toMatch(/^\d+$/);
    expect((await register(freshId(1), prober)).status).toBe(429);
  });

  it('still answers another address with its 409 and registers its new ID', async () => {
    expect((await register(REGISTERED_ID, '198.51.100.77')).status).toBe(409);
    expect((await register(freshId(2), '198.51.100.77')).status).toBe(201);
  });
});
