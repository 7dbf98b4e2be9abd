import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Staff, signInAs } from '../support/admin.ts';
import { validDataApplication, validInstitution } from '../support/fixtures.ts';
import { getJson, postJson, type Submitted } from '../support/http.ts';
import { approvedInstitution } from '../support/review.ts';
import { startSmtpSink } from '../support/smtp-sink.ts';
import { bootCms, type TestCms } from '../support/strapi.ts';

type QueryAnswer = { token: string; records: Array<{ recordNo: string }> };
type Failure = { error: { message: string; details: { fields: Record<string, string> } } };
type HistoryEntry = { action: string; actionLabel: string; actor: string; reason: string | null };

const PHONE = '13800138000';
// Whole seconds in the token: long enough that rounding never decides a step below.
const IDLE_SECONDS = 6;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * One applicant, one phone (seeds/000 §3.4): any one of the phone's query passwords opens all its
 * records; a lost password is replaced by an emailed one-time link or by a reviewer; the query is
 * forgotten after its idle time (30 minutes; a few seconds here through RECORD_TOKEN_IDLE_SECONDS).
 */
describe('one applicant’s query passwords', () => {
  let cms: TestCms;
  let sink: Awaited<ReturnType<typeof startSmtpSink>>;
  let reviewer: Staff;
  let institution: Submitted;
  let application: Submitted;
  let address = 0;
  const from = () => ({ 'x-forwarded-for': `203.0.113.${++address}` });
  const query = (password: string, phone = PHONE) =>
    postJson<QueryAnswer & Failure>(cms.url, '/api/public/query', { phone, password }, from());
  const requestLink = (applicationNo: string, phone = PHONE, headers = from()) =>
    postJson<Failure>(cms.url, '/api/public/query/password-reset-requests', { applicationNo, phone }, headers);
  const reset = (token: string) =>
    postJson<{ applicationNo: string; queryPassword: string } & Failure>(cms.url, '/api/public/query/password-resets', { token });
  const records = (token: string) => getJson<QueryAnswer>(cms.url, '/api/public/records', { authorization: `Bearer ${token}` });

  /** The reset mails sent so far, as the applicant's mail program shows them (submissions are mailed too). */
  async function resetMails(): Promise<string[]> {
    const parsed = await Promise.all(sink.messages.map((m) => simpleParser(m.raw)));
    return parsed.filter((m) => m.subject?.includes('重设查询密码')).map((m) => m.text ?? '');
  }

  /** The token of the newest reset link, once `count` have been mailed. */
  async function mailedToken(count: number): Promise<string> {
    for (let i = 0; i < 100 && (await resetMails()).length < count; i++) await sleep(100);
    const mails = await resetMails();
    expect(mails).toHaveLength(count);
    const text = mails[count - 1] ?? '';
    expect(text).toContain('30分钟内有效，只能使用一次');
    const token = /https:\/\/site\.example\/query\/reset\?token=([\w-]+)/.exec(text)?.[1];
    if (!token) throw new Error(`No reset link in: ${text}`);
    return token;
  }

  beforeAll(async () => {
    sink = await startSmtpSink();
    cms = await bootCms('query-password', {
      TRUSTED_PROXIES: '127.0.0.1',
      SMTP_HOST: '127.0.0.1',
      SMTP_PORT: String(sink.port),
      SMTP_FROM: 'data@stats.example',
      SITE_PUBLIC_URL: 'https://site.example',
      RECORD_TOKEN_IDLE_SECONDS: String(IDLE_SECONDS),
    });
    reviewer = await signInAs(cms, 'Reviewer', 'reviewer@stats.example');
    institution = await approvedInstitution(cms, { contactPhone: PHONE });
    application = (await postJson<Submitted>(cms.url, '/api/public/data-applications', validDataApplication(institution.applicationNo)))
      .body;
    await postJson(cms.url, '/api/public/institutions', validInstitution({ contactPhone: '13600136000' }));
  });
  afterAll(async () => {
    await cms?.stop();
    await sink?.stop();
    for (const name of ['SMTP_HOST', 'SMTP_PORT', 'SMTP_FROM', 'SITE_PUBLIC_URL', 'RECORD_TOKEN_IDLE_SECONDS']) delete process.env[name];
  });

  it('lists every record of the phone with any one of its passwords, and no other phone’s', async () => {
    for (const password of [institution.queryPassword, application.queryPassword]) {
      const { status, body } = await query(password);
      expect(status).toBe(200);
      expect(body.records.map((r) => r.recordNo).sort()).toEqual([institution.applicationNo, application.applicationNo].sort());
    }
  });

  it('opens nothing with a wrong password', async () => {
    const { status, body } = await query('AAAA-BBBB-CC');
    expect(status).toBe(401);
    expect(body.error.message).toBe('手机号码或查询密码不正确');
    expect(body.records).toBeUndefined();
  });

  it('forgets the query after the idle time, and each look renews it', async () => {
    const first = (await query(institution.queryPassword)).body.token;
    await sleep(3000);
    const renewed = await records(first);
    expect(renewed.status).toBe(200);
    expect(renewed.body.records).toHaveLength(2);
    await sleep(3500);
    // 6.5 s after the query, 3.5 s after the last look: the renewed token still opens, the first does not.
    expect((await records(first)).status).toBe(401);
    expect((await records(renewed.body.token)).status).toBe(200);
    await sleep((IDLE_SECONDS + 1) * 1000);
    expect((await records(renewed.body.token)).status).toBe(401);
  });

  it('mails a one-time link that sets a new password; the old one and the used link stop working', async () => {
    const own = (await postJson<Submitted>(cms.url, '/api/public/institutions', validInstitution({ contactPhone: '13500135000' }))).body;
    const sent = await requestLink(own.applicationNo.toLowerCase(), '135 0013 5000');
    expect(sent.status).toBe(202);
    const token = await mailedToken(1);

    const done = await reset(token);
    expect(done.status).toBe(200);
    expect(done.body.applicationNo).toBe(own.applicationNo);
    expect(done.body.queryPassword).toMatch(/^[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{2}$/);
    expect((await query(own.queryPassword, '13500135000')).status).toBe(401);
    expect((await query(done.body.queryPassword, '13500135000')).status).toBe(200);

    const again = await reset(token);
    expect(again.status).toBe(410);
    expect(again.body.error.message).toBe('链接已失效（只能使用一次，30分钟内有效），请重新申请重设查询密码');

    const history = (await reviewer.json<{ history: HistoryEntry[] }>('GET', `/review-desk/records/${own.applicationNo}`)).body.history;
    expect(history.at(-1)).toMatchObject({ action: 'mail_reset_password', actionLabel: '申请人通过邮件重设查询密码' });
  });

  it('refuses a link after 30 minutes', async () => {
    const own = (await postJson<Submitted>(cms.url, '/api/public/institutions', validInstitution({ contactPhone: '13400134000' }))).body;
    expect((await requestLink(own.applicationNo, '13400134000')).status).toBe(202);
    const token = await mailedToken(2);
    await cms.strapi.db.connection.raw(
      `update query_password_resets set created_at = created_at - interval '31 minutes' where record_no = ?`,
      [own.applicationNo],
    );
    expect((await reset(token)).status).toBe(410);
    expect((await query(own.queryPassword, '13400134000')).status).toBe(200);
  });

  it('sends nothing when the phone is not the record’s, and answers the same', async () => {
    const before = (await resetMails()).length;
    const answer = await requestLink(institution.applicationNo, '13900139999');
    expect(answer.status).toBe(202);
    await sleep(1000);
    expect(await resetMails()).toHaveLength(before);
  });

  it('limits link requests per record number, whatever the address', async () => {
    for (let i = 0; i < 5; i++) expect((await requestLink(application.applicationNo, '13900139999')).status).toBe(202);
    const limited = await requestLink(application.applicationNo, PHONE);
    expect(limited.status).toBe(429);
    expect(limited.body.error.message).toBe('尝试次数过多，请15分钟后再试');
  });

  it('lets a reviewer issue a new password, shown once and recorded in the history', async () => {
    const path = `/review-desk/records/${institution.applicationNo}/query-password`;
    const missing = await reviewer.json<Failure>('POST', path, {});
    expect(missing.status).toBe(400);
    expect(missing.body.error.details.fields).toEqual({ reason: '请填写理由' });

    const issued = await reviewer.json<{ queryPassword: string }>('POST', path, { reason: '申请人来电，已核对身份证件' });
    expect(issued.status).toBe(200);
    expect((await query(issued.body.queryPassword)).body.records).toHaveLength(2);
    expect((await query(institution.queryPassword)).status).toBe(401);
    // The phone's other passwords still open it: each record keeps its own.
    expect((await query(application.queryPassword)).status).toBe(200);

    const history = (await reviewer.json<{ history: HistoryEntry[] }>('GET', `/review-desk/records/${institution.applicationNo}`)).body
      .history;
    expect(history.at(-1)).toMatchObject({
      action: 'issue_password',
      actionLabel: '审核员重新发放查询密码',
      reason: '申请人来电，已核对身份证件',
    });
    expect(JSON.stringify(history)).not.toContain(issued.body.queryPassword);
  });
});
