import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validDataApplication, validInstitution } from '../support/fixtures.ts';
import { fieldErrors, getJson, postJson, type Submitted } from '../support/http.ts';
import { approvedInstitution, review } from '../support/review.ts';
import { bootCms, type TestCms } from '../support/strapi.ts';

interface QueryAnswer {
  token: string;
  records: Array<Record<string, unknown>>;
}

describe('POST /api/public/query', () => {
  let cms: TestCms;
  let institution: Submitted;
  let application: Submitted;
  // Each test uses its own client address so that the per-address limit of one does not leak into another.
  let address = 0;
  const from = () => ({ 'x-forwarded-for': `203.0.113.${++address}` });
  const query = (body: unknown, headers: Record<string, string> = from()) =>
    postJson<QueryAnswer>(cms.url, '/api/public/query', body, headers);

  beforeAll(async () => {
    // The test client is the "proxy", so each request can say which address it comes from.
    cms = await bootCms('query', { TRUSTED_PROXIES: '127.0.0.1' });
    institution = (await postJson<Submitted>(cms.url, '/api/public/institutions', validInstitution({ contactPhone: '13800138000' }))).body;
    // The application names another institution, approved and of another phone: this phone's institution stays waiting.
    const applyingInstitution = await approvedInstitution(cms);
    application = (
      await postJson<Submitted>(cms.url, '/api/public/data-applications', validDataApplication(applyingInstitution.applicationNo))
    ).body;
  });
  afterAll(async () => {
    await cms?.stop();
  });

  it('returns every record of the phone with the seed columns, newest first', async () => {
    const { status, body } = await query({ phone: '138 0013 8000', password: institution.queryPassword.toLowerCase() });
    expect(status).toBe(200);
    expect(body.records.map((r) => r.recordNo)).toEqual([application.applicationNo, institution.applicationNo]);
    expect(body.records[1]).toEqual({
      index: 2,
      recordNo: institution.applicationNo,
      kind: 'institution',
      kindLabel: '机构登记',
      phone: '13800138000',
      applicant: '李四',
      organisation: '北京大学',
      submittedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/),
      reviewedAt: '',
      status: 'awaiting_upload',
      statusLabel: '等待上传申请表',
      reason: '',
      accessStart: null,
      accessEnd: null,
      canUpload: true,
      canResubmit: false,
    });
    expect(body.token).toEqual(expect.any(String));
    expect(JSON.stringify(body)).not.toContain('11010519491231002X');
  });

  it('shows the reviewer reason once a record is returned', async () => {
    await review(cms).transition(application.applicationNo, { action: 'upload', actor: '测试' });
    await review(cms).transition(application.applicationNo, { action: 'return', actor: '审核员甲', reason: '请补充研究方法的说明' });
    const { body } = await query({ phone: '13800138000', password: application.queryPassword });
    expect(body.records[0]).toMatchObject({
      recordNo: application.applicationNo,
      status: 'returned',
      statusLabel: '退回修改',
      reason: '请补充研究方法的说明',
    });
    expect(body.records[0]?.reviewedAt).not.toBe('');
  });

  it('answers 401 with the same message for a wrong password and for an unknown phone', async () => {
    const wrong = await query({ phone: '13800138000', password: 'AAAA-BBBB-CC' });
    const unknown = await query({ phone: '13900000000', password: institution.queryPassword });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body).toEqual(unknown.body);
    expect((wrong.body as unknown as { error: { message: string } }).error.message).toBe('手机号码或查询密码不正确');
  });

  it('answers 400 with field messages when the phone or password is missing', async () => {
    const { status, body } = await query({ phone: '123' });
    expect(status).toBe(400);
    expect(fieldErrors(body)).toEqual({ phone: '请输入11位中国大陆手机号码，如 138 0013 8000', password: '请输入查询密码' });
  });

  it('locks a phone for 15 minutes after 5 failures, even with the right password, then lets it in again', async () => {
    const phone = '13700137000';
    const own = (await postJson<Submitted>(cms.url, '/api/public/institutions', validInstitution({ contactPhone: phone }))).body;
    for (let i = 0; i < 5; i++) expect((await query({ phone, password: `WRONG-${i}` })).status).toBe(401);
    const locked = await query({ phone, password: own.queryPassword });
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(800);
    expect((locked.body as unknown as { error: { message: string } }).error.message).toBe('尝试次数过多，请15分钟后再试');

    // Let the window pass, as the clock would.
    await cms.strapi.db.connection.raw(`update query_failures set failed_at = failed_at - interval '16 minutes'`);
    expect((await query({ phone, password: own.queryPassword })).status).toBe(200);
  });

  it('locks a client address after 20 failures whatever the phones', async () => {
    const headers = from();
    for (let i = 0; i < 20; i++)
      expect((await query({ phone: `1360000${String(i).padStart(4, '0')}`, password: 'NOPE' }, headers)).status).toBe(401);
    expect((await query({ phone: '13800138000', password: institution.queryPassword }, headers)).status).toBe(429);
    expect((await query({ phone: '13800138000', password: institution.queryPassword })).status).toBe(200);
  });

  it('ignores X-Forwarded-For from a client that is not a trusted proxy', async () => {
    const trusted = process.env.TRUSTED_PROXIES;
    process.env.TRUSTED_PROXIES = '';
    try {
      // Twenty failures claiming twenty addresses all count against the one real address.
      for (let i = 0; i < 20; i++)
        await query({ phone: `1350000${String(i).padStart(4, '0')}`, password: 'NOPE' }, { 'x-forwarded-for': `198.51.100.${i}` });
      expect(
        (await query({ phone: '13800138000', password: institution.queryPassword }, { 'x-forwarded-for': '198.51.100.200' })).status,
      ).toBe(429);
    } finally {
      process.env.TRUSTED_PROXIES = trusted;
    }
  });

  it('gives a token that opens its own records and no one else’s', async () => {
    const other = (await postJson<Submitted>(cms.url, '/api/public/institutions', validInstitution({ contactPhone: '13600136000' }))).body;
    const { body } = await query({ phone: '13800138000', password: institution.queryPassword });
    const auth = { authorization: `Bearer ${body.token}` };
    const own = await fetch(`${cms.url}/api/public/records/${institution.applicationNo}/form.html`, { headers: auth });
    expect(own.status).toBe(200);
    const foreign = await getJson(cms.url, `/api/public/records/${other.applicationNo}/form.html`, auth);
    expect(foreign.status).toBe(401);
    const forged = await getJson(cms.url, `/api/public/records/${institution.applicationNo}/form.html`, {
      authorization: `Bearer ${body.token.slice(0, -2)}xx`,
    });
    expect(forged.status).toBe(401);
    expect((await getJson(cms.url, `/api/public/records/${institution.applicationNo}/form.html`)).status).toBe(401);
  });
});
