import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { institutionCode, validInstitution } from '../support/fixtures.ts';
import { fieldErrors, getJson, postJson, type Submitted } from '../support/http.ts';
import { approveWithoutScan, review } from '../support/review.ts';
import { bootCms, type TestCms } from '../support/strapi.ts';

const TAKEN =
  '该统一社会信用代码已有机构登记，不能重复登记。请在“已申请机构”（/institutions）中查找该机构，或到“申请结果查询”（/query）查看原登记的进度；原登记未通过审核的，可以重新登记。';

describe('one institution per credit code, and 申请机构 offering approved institutions only', () => {
  let cms: TestCms;
  const register = (overrides: Record<string, unknown>) =>
    postJson<Submitted>(cms.url, '/api/public/institutions', validInstitution(overrides));
  const count = async (code: string) =>
    Number((await cms.strapi.db.connection('institutions').where({ credit_code: code }).count())[0]?.count);

  beforeAll(async () => {
    cms = await bootCms('institution-register');
  });
  afterAll(async () => {
    await cms?.stop();
  });

  it('refuses a second registration of a credit code on the field, pointing to 已申请机构 and /query', async () => {
    const code = institutionCode(9001);
    expect((await register({ creditCode: code })).status).toBe(201);
    const again = await register({ creditCode: code.toLowerCase(), fullName: '北京大学（重复）' });
    expect(again.status).toBe(400);
    expect(fieldErrors(again.body)).toEqual({ creditCode: TAKEN });
    expect(await count(code)).toBe(1);
  });

  it('lets the institution register again once its earlier registration was refused', async () => {
    const code = institutionCode(9002);
    const first = (await register({ creditCode: code })).body;
    await review(cms).transition(first.applicationNo, { action: 'upload', actor: '测试' });
    await review(cms).transition(first.applicationNo, { action: 'reject', actor: '测试审核员', reason: '材料不全' });
    expect((await register({ creditCode: code })).status).toBe(201);
    expect((await register({ creditCode: code })).status).toBe(400);
  });

  it('registers one of two simultaneous registrations of one code and refuses the other', async () => {
    const code = institutionCode(9003);
    const answers = await Promise.all([register({ creditCode: code }), register({ creditCode: code })]);
    expect(answers.map((a) => a.status).sort()).toEqual([201, 400]);
    expect(await count(code)).toBe(1);
  });

  it('keeps the rule in the database too, refused registrations aside', async () => {
    const index = await cms.strapi.db.connection.raw(
      "select indexdef from pg_indexes where indexname = 'institutions_active_credit_code_unique'",
    );
    expect(index.rows[0]?.indexdef).toMatch(/UNIQUE INDEX .* \(credit_code\) WHERE \(\(status\)::text IS DISTINCT FROM 'rejected'/);
  });

  it('offers approved institutions only, by name and number, nothing personal', async () => {
    const approved = (await register({ fullName: '复旦大学', abbreviation: 'FDU' })).body;
    await approveWithoutScan(cms, approved.applicationNo);
    const pending = (await register({ fullName: '复旦大学附属研究院' })).body;
    const all = await getJson<{ choices: Array<{ recordNo: string; name: string }> }>(cms.url, '/api/public/institution-choices');
    expect(all.status).toBe(200);
    expect(all.body.choices).toEqual([{ recordNo: approved.applicationNo, name: '复旦大学' }]);
    expect(all.body.choices.map((c) => c.recordNo)).not.toContain(pending.applicationNo);
    const byAbbreviation = await getJson<{ choices: unknown[] }>(cms.url, '/api/public/institution-choices?q=fdu');
    expect(byAbbreviation.body.choices).toHaveLength(1);
    const none = await getJson<{ choices: unknown[] }>(cms.url, `/api/public/institution-choices?q=${encodeURIComponent('清华')}`);
    expect(none.body.choices).toEqual([]);
  });
});
