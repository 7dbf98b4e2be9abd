import type { Knex } from 'knex';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAIL_MAX_ATTEMPTS } from '../../../config/src/admin/mail-outbox.ts';
import type { RecordMessages } from '../../../config/src/contract/review-desk.ts';
import { type Staff, signInAs } from '../support/admin.ts';
import { postFile, SAMPLE_PDF } from '../support/files.ts';
import { validDataApplication, validInstitution, validOutcome } from '../support/fixtures.ts';
import { postJson, type Submitted } from '../support/http.ts';
import { approvedInstitution, approveWithoutScan } from '../support/review.ts';
import { forgetMailSettings, mailSettings, type SinkMessage, startSmtpSink } from '../support/smtp-sink.ts';
import { bootCms, type TestCms } from '../support/strapi.ts';

type Sink = Awaited<ReturnType<typeof startSmtpSink>>;
type Entry = { recordNo: string; contactEmail: string };
type Notify = {
  enqueue(kindId: string, entry: Entry, mail: { subject: string; text: string }, options?: { trx?: Knex.Transaction }): Promise<void>;
  deliverDue(now?: Date): Promise<number>;
};

const MINUTE = 60_000;
const later = (ms: number) => new Date(Date.now() + ms);

describe('mail to applicants goes through the outbox and is never lost', () => {
  let cms: TestCms;
  let sink: Sink;
  let port: number;
  let reviewer: Staff;
  /** The record the tests' mail is about (the desk lists the messages of records that exist). */
  let no: string;
  const notify = () => cms.strapi.service('plugin::review-desk.notify' as never) as unknown as Notify;
  const outbox = () => cms.strapi.db.connection('mail_outbox');
  const messages = async (recordNo = no) => (await reviewer.json<RecordMessages>('GET', `/review-desk/records/${recordNo}/messages`)).body;
  const messageAbout = async (subject: string) => (await messages()).messages.filter((m) => m.subject === subject);
  const received = (to: string, messages: SinkMessage[] = sink.messages) => messages.filter((m) => m.to.includes(to));
  /** Queues a mail about the record in a transaction of its own, as a job would. */
  const enqueue = (to: string, subject: string) =>
    notify().enqueue('institution', { recordNo: no, contactEmail: to }, { subject, text: '正文' });
  const rowOf = async (subject: string) => (await outbox().where({ subject }))[0];

  beforeAll(async () => {
    sink = await startSmtpSink();
    port = sink.port;
    // No timer: each test runs the worker's passes itself, at the times it chooses.
    cms = await bootCms('mail-outbox', mailSettings(port, 0));
    reviewer = await signInAs(cms, 'Reviewer', 'reviewer-outbox@stats.example');
  });
  afterAll(async () => {
    await cms?.stop();
    await sink?.stop();
    forgetMailSettings();
  });

  it('queues the confirmation with the submission and a decision’s mail with the decision', async () => {
    const submitted = (
      await postJson<Submitted & { token: string }>(
        cms.url,
        '/api/public/institutions',
        validInstitution({ contactEmail: 'first@univ.example' }),
      )
    ).body;
    no = submitted.applicationNo;
    expect((await messages(no)).messages).toMatchObject([{ kind: 'submitted', state: 'pending', stateLabel: '待发送', attempts: 0 }]);

    // A decision whose mail cannot be stored is not taken: both are written in one transaction.
    await postFile(`${cms.url}/api/public/records/${no}/stamped-form`, SAMPLE_PDF, 'scan.pdf', {
      authorization: `Bearer ${submitted.token}`,
    });
    await cms.strapi.db.connection.raw(`
      create function refuse_mail() returns trigger language plpgsql as $$ begin raise exception 'outbox refused'; end $$;
      create trigger refuse_mail before insert on mail_outbox for each row execute function refuse_mail();`);
    try {
      const refused = await reviewer.json('POST', `/review-desk/records/${no}/decisions`, { action: 'return', reason: '缺少签字' });
      expect(refused.status).not.toBe(200);
    } finally {
      await cms.strapi.db.connection.raw('drop trigger refuse_mail on mail_outbox; drop function refuse_mail();');
    }
    const unchanged = await cms.strapi.db.query('api::institution.institution').findOne({ where: { recordNo: no } });
    expect(unchanged.status).toBe('awaiting_review');
    expect(await cms.strapi.db.query('api::review-event.review-event').count({ where: { recordNo: no, action: 'return' } })).toBe(0);

    const decided = await reviewer.json('POST', `/review-desk/records/${no}/decisions`, { action: 'return', reason: '缺少签字' });
    expect(decided.status).toBe(200);
    expect((await messages(no)).messages.map((m) => [m.kind, m.state])).toEqual([
      ['submitted', 'pending'],
      ['return', 'pending'],
    ]);

    expect(await notify().deliverDue()).toBe(2);
    const texts = await Promise.all(received('first@univ.example').map(async (m) => (await simpleParser(m.raw)).subject));
    expect(texts).toEqual([`【统计数据服务平台】已收到您的机构登记（${no}）`, `【统计数据服务平台】机构登记（${no}）退回修改`]);
    const shown = await messages(no);
    expect(shown.mailEnabled).toBe(true);
    expect(shown.messages.map((m) => [m.stateLabel, m.attempts, m.sentAt !== null])).toEqual([
      ['已发送', 1, true],
      ['已发送', 1, true],
    ]);
  });

  it('leaves no mail behind a change that is rolled back', async () => {
    const rolledBack = cms.strapi.db.transaction(async ({ trx }) => {
      await notify().enqueue(
        'institution',
        { recordNo: no, contactEmail: 'rolled@univ.example' },
        { subject: '不应发出', text: '正文' },
        { trx },
      );
      throw new Error('the change failed');
    });
    await expect(rolledBack).rejects.toThrow('the change failed');
    expect(await messageAbout('不应发出')).toEqual([]);
  });

  it('keeps mail while the mail server is down and sends it once the server is back', async () => {
    const subject = '服务器停机期间的通知';
    await sink.stop();
    await enqueue('down@univ.example', subject);
    expect(await notify().deliverDue()).toBe(1);
    let row = await rowOf(subject);
    expect(row).toMatchObject({ state: 'pending', attempts: 1 });
    expect(row.last_error).toMatch(/ECONNREFUSED/);
    // Backed off: not tried again before its next attempt, a minute on.
    expect(new Date(row.next_attempt_at).getTime()).toBeGreaterThan(Date.now() + 0.9 * MINUTE);
    expect(await notify().deliverDue()).toBe(0);
    expect(await notify().deliverDue(later(1.5 * MINUTE))).toBe(1);
    row = await rowOf(subject);
    expect(row).toMatchObject({ state: 'pending', attempts: 2 });
    expect(new Date(row.next_attempt_at).getTime()).toBeGreaterThan(later(3 * MINUTE).getTime());

    const shown = await messageAbout(subject);
    expect(shown).toMatchObject([{ state: 'pending', stateLabel: '待发送', attempts: 2 }]);
    expect(shown[0]?.lastError).toMatch(/ECONNREFUSED/);

    sink = await startSmtpSink(port);
    expect(await notify().deliverDue(later(4 * MINUTE))).toBe(1);
    expect(received('down@univ.example')).toHaveLength(1);
    expect(await messageAbout(subject)).toMatchObject([{ state: 'sent', stateLabel: '已发送', attempts: 3, lastError: null }]);
  });

  it('sends each message once when two workers run at the same time', async () => {
    const recipients = Array.from({ length: 12 }, (_, i) => `race-${i}@univ.example`);
    for (const to of recipients) await enqueue(to, `并发测试 ${to}`);
    const [first, second] = await Promise.all([notify().deliverDue(), notify().deliverDue()]);
    expect(first + second).toBe(recipients.length);
    expect(recipients.map((to) => received(to).length)).toEqual(recipients.map(() => 1));
    const states = await outbox().whereIn('recipient', recipients).select('state', 'attempts');
    expect(states.every((s: { state: string; attempts: number }) => s.state === 'sent' && s.attempts === 1)).toBe(true);
  });

  it('gives a message up after the last attempt and shows it as failed', async () => {
    const subject = '无法送达的通知';
    await sink.stop();
    try {
      await enqueue('gone@univ.example', subject);
      await outbox()
        .where({ subject })
        .update({ attempts: MAIL_MAX_ATTEMPTS - 1 });
      expect(await notify().deliverDue()).toBe(1);
      expect(await messageAbout(subject)).toMatchObject([
        { state: 'failed', stateLabel: '发送失败', attempts: MAIL_MAX_ATTEMPTS, nextAttemptAt: null },
      ]);
      expect(await notify().deliverDue(later(48 * 60 * MINUTE))).toBe(0);
    } finally {
      sink = await startSmtpSink(port);
    }
  });

  it('shows a record’s messages only to staff who may read the record', async () => {
    expect((await fetch(`${cms.url}/review-desk/records/${no}/messages`)).status).toBe(401);
    const editor = await signInAs(cms, 'Content editor', 'editor-outbox@stats.example');
    expect((await editor.call('GET', `/review-desk/records/${no}/messages`)).status).toBe(403);
  });

  it('keeps the address a mail server quoted from staff who may not read personal details', async () => {
    const { applicationNo: institutionNo } = await approvedInstitution(cms, { contactEmail: 'approved@univ.example' });
    const application = await postJson<Submitted>(cms.url, '/api/public/data-applications', validDataApplication(institutionNo));
    await approveWithoutScan(cms, application.body.applicationNo);
    const outcome = await postJson<Submitted>(cms.url, '/api/public/outcomes', validOutcome(application.body.applicationNo));
    const outcomeNo = outcome.body.applicationNo;
    const error = '550 5.1.1 <refused@univ.example>: Recipient address rejected';
    await outbox().insert({
      record_no: outcomeNo,
      kind: 'notice',
      recipient: 'refused@univ.example',
      subject: '成果通知',
      body: '正文',
      attempts: 1,
      last_error: error,
    });
    const lastErrorAs = async (staff: Staff) =>
      (await staff.json<RecordMessages>('GET', `/review-desk/records/${outcomeNo}/messages`)).body.messages.find(
        (m) => m.subject === '成果通知',
      )?.lastError;
    // The content editor reads outcomes without who filed them (config/src/admin/roles.ts).
    expect(await lastErrorAs(await signInAs(cms, 'Content editor', 'editor-outcomes@stats.example'))).toBe('（无权查看）');
    expect(await lastErrorAs(reviewer)).toBe(error);
  });
});
