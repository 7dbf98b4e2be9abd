import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, shanghaiDate } from '../../../config/src/workflow/access-period.ts';
import { type Staff, signInAs } from '../support/admin.ts';
import { validChangeApplication, validDataApplication, validOutcome } from '../support/fixtures.ts';
import { fieldErrors, getJson, postJson, type Submitted } from '../support/http.ts';
import { approvedInstitution, review } from '../support/review.ts';
import { forgetMailSettings, mailSettings, type SinkMessage, startSmtpSink } from '../support/smtp-sink.ts';
import { bootCms, type TestCms } from '../support/strapi.ts';

type Detail = {
  status: string;
  statusLabel: string;
  reviewReason: string | null;
  actions: Array<{ action: string; label: string; needsReason: boolean }>;
  history: Array<{ action: string; from: string | null; to: string; actor: string; reason: string | null }>;
};
type Failure = { error: { status: number; message: string; details: { fields: Record<string, string> } } };
type QueryRow = {
  recordNo: string;
  status: string;
  statusLabel: string;
  reason: string;
  accessStart: string | null;
  accessEnd: string | null;
};
type Run = { expired: string[]; reminded: string[] };

const today = shanghaiDate(new Date());
const yesterday = addDays(today, -1);

/** The granted access period, from approval to its end (seeds/000 §二 数据使用期限). */
describe('the granted access period of a data application', () => {
  let cms: TestCms;
  let sink: Awaited<ReturnType<typeof startSmtpSink>>;
  let reviewer: Staff;
  let institutionNo: string;
  let phones = 0;

  const run = () => (cms.strapi.service('plugin::review-desk.access-periods' as never) as unknown as { run(): Promise<Run> }).run();
  const detail = async (no: string) => (await reviewer.json<Detail>('GET', `/review-desk/records/${no}`)).body;
  const decide = (no: string, body: Record<string, unknown>) =>
    reviewer.json<Detail & Failure>('POST', `/review-desk/records/${no}/decisions`, body);
  const statusOf = async (no: string) =>
    ((await cms.strapi.db.query('api::data-application.data-application').findOne({ where: { recordNo: no } })) as { status: string })
      .status;
  const textsTo = async (address: string) =>
    Promise.all(
      sink.messages
        .filter((m: SinkMessage) => m.to.includes(address))
        .map(async (m) => {
          const parsed = await simpleParser(m.raw);
          return `${parsed.subject ?? ''}\n${parsed.text ?? ''}`;
        }),
    );

  /** A data application of its own phone, approved by the reviewer with the period given. */
  async function approved(accessStart: string, accessEnd: string) {
    phones += 1;
    const phone = `1390000${String(phones).padStart(4, '0')}`;
    const email = `leader${phones}@pku.edu.cn`;
    const submitted = await postJson<Submitted>(
      cms.url,
      '/api/public/data-applications',
      validDataApplication(institutionNo, { leaderPhone: phone, leaderEmail: email }),
    );
    const no = submitted.body.applicationNo;
    await review(cms).transition(no, { action: 'upload', actor: '测试' });
    expect((await decide(no, { action: 'approve', accessStart, accessEnd })).status).toBe(200);
    return { no, phone, email, password: submitted.body.queryPassword };
  }

  beforeAll(async () => {
    sink = await startSmtpSink();
    // The outbox's worker looks for due mail every 200 ms, so a reminder arrives within the poll.
    cms = await bootCms('access-period', mailSettings(sink.port, 200));
    reviewer = await signInAs(cms, 'Reviewer', 'reviewer-period@stats.example');
    institutionNo = (await approvedInstitution(cms)).applicationNo;
  });
  afterAll(async () => {
    await cms?.stop();
    await sink?.stop();
    forgetMailSettings();
  });

  it('shows the granted period on /query and on the record’s form', async () => {
    const { no, phone, password } = await approved('2026-12-01', '2027-11-30');
    const query = await postJson<{ token: string; records: QueryRow[] }>(cms.url, '/api/public/query', { phone, password });
    expect(query.body.records.find((r) => r.recordNo === no)).toMatchObject({
      statusLabel: '审核通过',
      accessStart: '2026-12-01',
      accessEnd: '2027-11-30',
    });
    const form = await fetch(`${cms.url}/api/public/records/${no}/form.html`, { headers: { authorization: `Bearer ${query.body.token}` } });
    expect(await form.text()).toContain('数据使用期限：2026-12-01 至 2027-11-30');
  });

  it('expires an application after its last day exactly once, even when two instances run the job at once', async () => {
    const ended = await approved('2026-01-01', yesterday);
    const running = await approved('2026-01-01', today);
    const [first, second] = await Promise.all([run(), run()]);
    expect([...first.expired, ...second.expired].filter((no) => no === ended.no)).toEqual([ended.no]);
    expect(await statusOf(ended.no)).toBe('expired');
    expect(await statusOf(running.no)).toBe('approved');
    expect((await run()).expired).toEqual([]);

    const history = (await detail(ended.no)).history.filter((e) => e.action === 'expire');
    expect(history).toEqual([
      expect.objectContaining({
        from: 'approved',
        to: 'expired',
        actor: '系统（每日到期检查）',
        reason: `数据使用期限已于 ${yesterday} 结束`,
      }),
    ]);
    const query = await postJson<{ records: QueryRow[] }>(cms.url, '/api/public/query', { phone: ended.phone, password: ended.password });
    expect(query.body.records[0]).toMatchObject({ status: 'expired', statusLabel: '已到期', accessEnd: yesterday });
  });

  it('reminds the applicant once, 30 days before the period ends', async () => {
    const soon = await approved('2026-01-01', addDays(today, 30));
    const later = await approved('2026-01-01', addDays(today, 31));
    const runs = await Promise.all([run(), run()]);
    expect(runs.flatMap((r) => r.reminded).filter((no) => no === soon.no)).toEqual([soon.no]);
    expect(runs.flatMap((r) => r.reminded)).not.toContain(later.no);
    await run();
    const reminders = async (address: string) => (await textsTo(address)).filter((text) => text.includes('将于'));
    await expect
      .poll(() => reminders(soon.email), { timeout: 10_000 })
      .toEqual([expect.stringContaining(`的数据使用期限将于 ${addDays(today, 30)} 到期`)]);
    expect(await reminders(later.email)).toEqual([]);
  });

  it('ends the use with 终止使用 only with a reason, recorded in the history and shown on /query', async () => {
    const { no, phone, password } = await approved('2026-01-01', '2027-12-31');
    expect((await detail(no)).actions.map((a) => a.label)).toEqual(['终止使用']);

    const bare = await decide(no, { action: 'revoke', reason: '  ' });
    expect(bare.status).toBe(400);
    expect(fieldErrors(bare.body)).toEqual({ reason: '请填写理由：退回修改、不通过或终止使用时必须说明原因' });
    expect(await statusOf(no)).toBe('approved');

    const overview = async () =>
      (await reviewer.json<{ decisionsThisWeek: number }>('GET', '/review-desk/overview')).body.decisionsThisWeek;
    const decisionsBefore = await overview();
    const revoked = await decide(no, { action: 'revoke', reason: '违反数据使用承诺，向第三方提供数据' });
    expect(revoked.status).toBe(200);
    // Ending a use months later is no review decision: the home's figures leave it out.
    expect(await overview()).toBe(decisionsBefore);
    expect(revoked.body).toMatchObject({ status: 'revoked', statusLabel: '已终止使用', actions: [] });
    expect(revoked.body.history.at(-1)).toMatchObject({
      action: 'revoke',
      from: 'approved',
      to: 'revoked',
      reason: '违反数据使用承诺，向第三方提供数据',
    });
    const query = await postJson<{ records: QueryRow[] }>(cms.url, '/api/public/query', { phone, password });
    expect(query.body.records[0]).toMatchObject({ statusLabel: '已终止使用', reason: '违反数据使用承诺，向第三方提供数据' });
  });

  /** A change application of the original, filed while the original is in use, with its stamped form in. */
  async function waitingChange(original: { no: string; phone: string }) {
    const filed = await postJson<Submitted>(
      cms.url,
      '/api/public/change-applications',
      validChangeApplication(original.no, { phone: original.phone }),
    );
    await review(cms).transition(filed.body.applicationNo, { action: 'upload', actor: '测试' });
    return filed.body.applicationNo;
  }

  it('approves a change whose original expired while it waited only with a new period, which puts the original back in use', async () => {
    const original = await approved('2026-01-01', today);
    const changeNo = await waitingChange(original);
    await cms.strapi.db
      .query('api::data-application.data-application')
      .update({ where: { recordNo: original.no }, data: { accessEnd: yesterday } });
    await run();
    expect(await statusOf(original.no)).toBe('expired');

    const bare = await decide(changeNo, { action: 'approve' });
    expect(bare.status).toBe(400);
    expect(fieldErrors(bare.body)).toEqual({
      accessEnd: `原申请 ${original.no} 的数据使用期限已于 ${yesterday} 到期：批准此变更须给出新的、尚未结束的数据使用期限`,
    });
    const ended = await decide(changeNo, { action: 'approve', accessStart: '2026-01-01', accessEnd: yesterday });
    expect(ended.status).toBe(400);
    expect((await detail(changeNo)).status).toBe('awaiting_review');

    const renewed = await decide(changeNo, { action: 'approve', accessStart: today, accessEnd: addDays(today, 365) });
    expect(renewed.status).toBe(200);
    expect(await statusOf(original.no)).toBe('approved');
    expect((await detail(original.no)).history.at(-1)).toMatchObject({ action: 'amend', from: 'expired', to: 'approved' });
    const query = await postJson<{ records: QueryRow[] }>(cms.url, '/api/public/query', {
      phone: original.phone,
      password: original.password,
    });
    expect(query.body.records.find((r) => r.recordNo === original.no)).toMatchObject({
      statusLabel: '审核通过',
      accessEnd: addDays(today, 365),
      reason: '',
    });
  });

  it('refuses to approve a change whose original the centre ended, saying why and changing nothing', async () => {
    const original = await approved('2026-01-01', '2027-12-31');
    const changeNo = await waitingChange(original);
    await decide(original.no, { action: 'revoke', reason: '项目已撤销' });
    const refused = await decide(changeNo, { action: 'approve', accessStart: today, accessEnd: addDays(today, 365) });
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toBe(`原申请 ${original.no} 的数据使用已被终止，不能批准此变更申请；请选择“不通过”并说明理由`);
    expect((await detail(changeNo)).status).toBe('awaiting_review');
    expect(await statusOf(original.no)).toBe('revoked');
  });

  it('offers 终止使用 on no other kind of record', async () => {
    expect((await detail(institutionNo)).actions).toEqual([]);
    const refused = await decide(institutionNo, { action: 'revoke', reason: '理由' });
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toBe('只有数据使用申请可以终止使用');
  });

  it('refuses outcomes and changes against an expired or revoked application, next to the number, writing nothing', async () => {
    const ended = await approved('2026-01-01', yesterday);
    const revoked = await approved('2026-01-01', '2027-12-31');
    await decide(revoked.no, { action: 'revoke', reason: '项目已撤销' });
    const count = (uid: string) => cms.strapi.db.query(uid as never).count();
    const outcomesBefore = await count('api::outcome.outcome');
    const changesBefore = await count('api::change-application.change-application');

    // Refused before the daily job has marked it 已到期, and after.
    for (const pass of ['before the job', 'after the job']) {
      const outcome = await postJson<Failure>(cms.url, '/api/public/outcomes', validOutcome(ended.no, { phone: ended.phone }));
      expect(outcome.status, pass).toBe(400);
      expect(fieldErrors(outcome.body)).toEqual({ applicationNo: `该申请的数据使用期限已于 ${yesterday} 到期，不能再登记成果` });
      await run();
    }
    const change = await postJson<Failure>(
      cms.url,
      '/api/public/change-applications',
      validChangeApplication(revoked.no, { phone: revoked.phone }),
    );
    expect(change.status).toBe(400);
    expect(fieldErrors(change.body)).toEqual({ originalApplicationNo: '该申请的数据使用已被数据开发中心终止，不能再申请变更' });
    const prefill = await postJson<Failure>(cms.url, '/api/public/change-applications/prefill', {
      applicationNo: ended.no,
      phone: ended.phone,
      password: ended.password,
    });
    expect(prefill.status).toBe(400);
    expect(fieldErrors(prefill.body)).toEqual({ applicationNo: `该申请的数据使用期限已于 ${yesterday} 到期，不能再申请变更` });

    expect(await count('api::outcome.outcome')).toBe(outcomesBefore);
    expect(await count('api::change-application.change-application')).toBe(changesBefore);
    expect((await getJson(cms.url, '/api/public/records')).status).toBe(401);
  });
});
