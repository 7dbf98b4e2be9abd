import crypto from 'node:crypto';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { normaliseQueryPassword } from '../../../config/src/query-password.ts';
import { computeIdCardCheckChar } from '../../../config/src/validators/id-card.ts';
import { CMS_DIR } from '../../../scripts/lib/paths.ts';
import { validInstitution, validStatistician } from '../support/fixtures.ts';
import { postJson, type Submitted } from '../support/http.ts';
import { bootCms, type TestCms } from '../support/strapi.ts';

const ONE_RECORD = '13800000001';
const FOUR_RECORDS = '13800000004';
const UNKNOWN = '13800000009';
const WRONG = 'ABCD-EFGH-JKLM';
const INSTITUTION = 'api::institution.institution';
/** The hashing of the running Strapi (its compiled module), as records were hashed before per-phone salts. */
const { hashSecret } = createRequire(import.meta.url)(join(CMS_DIR, 'dist/src/lib/password-hash.js')) as {
  hashSecret(secret: string): Promise<string>;
};
/** A valid resident ID (GB 11643) no one registers here. */
const UNKNOWN_ID = `11010519491231003${computeIdCardCheckChar('11010519491231003')}`;

/**
 * The work of a query password, counted instead of timed: this Strapi runs in the test's own
 * thread, so a spy on node:crypto's scrypt sees every key derivation the query makes. A wrong
 * password must cost the same whether the phone is unknown or holds one or four records, or the
 * answer time tells who has applied and how often.
 */
describe('the query password costs one key derivation, whatever the phone holds', () => {
  let cms: TestCms;
  let address = 0;
  const scryptCalls = vi.spyOn(crypto, 'scrypt');
  /** Key derivations one query makes (a new client address each, clear of the attempt limit). */
  async function derivationsOf(
    phone: string,
    password: string,
    path = '/api/public/query',
  ): Promise<{ status: number; derivations: number }> {
    scryptCalls.mockClear();
    const body = path === '/api/public/query' ? { phone, password } : { idNumber: phone, password };
    const { status } = await postJson(cms.url, path, body, { 'x-forwarded-for': `203.0.113.${++address}` });
    return { status, derivations: scryptCalls.mock.calls.length };
  }
  const submitted: Record<string, Submitted[]> = { [ONE_RECORD]: [], [FOUR_RECORDS]: [] };

  beforeAll(async () => {
    cms = await bootCms('query_cost', { TRUSTED_PROXIES: '127.0.0.1' });
    for (const [phone, count] of [
      [ONE_RECORD, 1],
      [FOUR_RECORDS, 4],
    ] as const) {
      for (let i = 0; i < count; i++) {
        const answer = await postJson<Submitted>(cms.url, '/api/public/institutions', validInstitution({ contactPhone: phone }));
        expect(answer.status).toBe(201);
        submitted[phone]?.push(answer.body);
      }
    }
    expect((await postJson(cms.url, '/api/public/statisticians', validStatistician())).status).toBe(201);
  });
  afterEach(() => scryptCalls.mockClear());
  afterAll(async () => {
    scryptCalls.mockRestore();
    await cms?.stop();
  });

  it('derives one key for a wrong password on an unknown phone, a phone with one record and one with four', async () => {
    const costs = [await derivationsOf(UNKNOWN, WRONG), await derivationsOf(ONE_RECORD, WRONG), await derivationsOf(FOUR_RECORDS, WRONG)];
    expect(costs).toEqual([
      { status: 401, derivations: 1 },
      { status: 401, derivations: 1 },
      { status: 401, derivations: 1 },
    ]);
  });

  it('opens the phone’s four records with any one of their passwords, still with one derivation', async () => {
    const all = (submitted[FOUR_RECORDS] ?? []).map((r) => r.applicationNo).sort();
    for (const record of submitted[FOUR_RECORDS] ?? []) {
      scryptCalls.mockClear();
      const { status, body } = await postJson<{ records: Array<{ recordNo: string }> }>(
        cms.url,
        '/api/public/query',
        { phone: FOUR_RECORDS, password: record.queryPassword },
        { 'x-forwarded-for': `203.0.113.${++address}` },
      );
      expect(status).toBe(200);
      // Each password proves control of the phone's records: all four, whichever was typed.
      expect(body.records.map((r) => r.recordNo).sort()).toEqual(all);
      expect(scryptCalls.mock.calls).toHaveLength(1);
    }
  });

  it('still opens a record stored with a random salt, and salts it by its phone from then on', async () => {
    const [record] = submitted[ONE_RECORD] ?? [];
    if (!record) throw new Error('no record');
    const legacyHash = await hashSecret(normaliseQueryPassword(record.queryPassword));
    await cms.strapi.db.query(INSTITUTION).update({ where: { recordNo: record.applicationNo }, data: { passwordHash: legacyHash } });

    expect(await derivationsOf(ONE_RECORD, record.queryPassword)).toEqual({ status: 200, derivations: 2 });
    const stored = (await cms.strapi.db.query(INSTITUTION).findOne({ where: { recordNo: record.applicationNo } })) as {
      passwordHash: string;
    };
    expect(stored.passwordHash).not.toBe(legacyHash);
    expect(await derivationsOf(ONE_RECORD, WRONG)).toEqual({ status: 401, derivations: 1 });
    expect(await derivationsOf(ONE_RECORD, record.queryPassword)).toEqual({ status: 200, derivations: 1 });
  });

  it('derives one key for a statistician look-up, whether the ID number is registered or not', async () => {
    const lookUp = '/api/public/statisticians/lookup';
    expect([await derivationsOf(UNKNOWN_ID, WRONG, lookUp), await derivationsOf(validStatistician().idNumber, WRONG, lookUp)]).toEqual([
      { status: 401, derivations: 1 },
      { status: 401, derivations: 1 },
    ]);
  });
});
