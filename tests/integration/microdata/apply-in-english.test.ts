import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validDataApplication, validStatistician } from '../support/fixtures.ts';
import { CJK, fieldErrors, postJson, type Submitted } from '../support/http.ts';
import { approvedInstitution } from '../support/review.ts';
import { forgetMailSettings, mailSettings, startSmtpSink } from '../support/smtp-sink.ts';
import { bootCms, type TestCms } from '../support/strapi.ts';

type Sink = Awaited<ReturnType<typeof startSmtpSink>>;
const ENGLISH = { 'accept-language': 'en-GB,en;q=0.9' };

describe('an application made in English', () => {
  let cms: TestCms;
  let sink: Sink;
  let institutionNo: string;

  beforeAll(async () => {
    sink = await startSmtpSink();
    // Mail on (so the confirmation is queued), no worker timer: the test reads the outbox.
    cms = await bootCms('apply-in-english', mailSettings(sink.port, 0));
    institutionNo = (await approvedInstitution(cms)).applicationNo;
  });
  afterAll(async () => {
    await cms?.stop();
    await sink?.stop();
    forgetMailSettings();
  });

  it('is refused in English, naming the field in English, when the request asks for English', async () => {
    const refused = await postJson(
      cms.url,
      '/api/public/data-applications',
      validDataApplication(institutionNo, { leaderPhone: '12345' }),
      ENGLISH,
    );
    expect(refused.status).toBe(400);
    expect(fieldErrors(refused.body).leaderPhone).toBe('Enter an 11-digit mainland China mobile number, like 138 0013 8000');
    const missing = await postJson(
      cms.url,
      '/api/public/data-applications?locale=en',
      validDataApplication(institutionNo, { projectName: '' }),
    );
    expect(fieldErrors(missing.body).projectName).toBe('Enter Project name');
    // Without asking, as before: zh-CN.
    const chinese = await postJson(cms.url, '/api/public/data-applications', validDataApplication(institutionNo, { leaderPhone: '12345' }));
    expect(fieldErrors(chinese.body).leaderPhone).toBe('请输入11位中国大陆手机号码，如 138 0013 8000');
  });

  it('keeps its language: its mail goes in English and its printed form shows English with the Chinese beside it', async () => {
    const submitted = await postJson<Submitted & { token: string }>(
      cms.url,
      '/api/public/data-applications',
      validDataApplication(institutionNo),
      ENGLISH,
    );
    expect(submitted.status).toBe(201);
    const no = submitted.body.applicationNo;
    const record = await cms.strapi.db.query('api::data-application.data-application').findOne({ where: { recordNo: no } });
    expect(record.language).toBe('en');

    const [mail] = await cms.strapi.db.connection('mail_outbox').where({ record_no: no });
    expect(mail.subject).toBe(`[Statistical Data Service] We have received your data use application (${no})`);
    expect(`${mail.subject}${mail.body}`).not.toMatch(CJK);

    const form = await fetch(`${cms.url}/api/public/records/${no}/form.html`, {
      headers: { authorization: `Bearer ${submitted.body.token}` },
    });
    const html = await form.text();
    expect(html).toContain('Application to use microdata 微观数据使用申请表');
    expect(html).toContain('Project leader’s name 项目负责人姓名');
    expect(html).toContain('National Social Science Foundation 国家社会科学基金');
    // The form's own words too: its running head and the centre's sign-off.
    expect(html).toContain(`Application number 申请编号：<strong>${no}</strong>`);
    expect(html).toContain('Opinion of the data development centre 数据开发中心意见');
  });

  it('leaves an application made in zh-CN as it was', async () => {
    const submitted = await postJson<Submitted & { token: string }>(
      cms.url,
      '/api/public/data-applications',
      validDataApplication(institutionNo),
    );
    const record = await cms.strapi.db
      .query('api::data-application.data-application')
      .findOne({ where: { recordNo: submitted.body.applicationNo } });
    expect(record.language).toBe('zh-CN');
    const [mail] = await cms.strapi.db.connection('mail_outbox').where({ record_no: submitted.body.applicationNo });
    expect(mail.subject).toContain('【统计数据服务平台】已收到您的数据使用申请');
    const form = await fetch(`${cms.url}/api/public/records/${submitted.body.applicationNo}/form.html`, {
      headers: { authorization: `Bearer ${submitted.body.token}` },
    });
    const html = await form.text();
    expect(html).toContain(`申请编号：<strong>${submitted.body.applicationNo}</strong>`);
    expect(html).toContain('<th>数据开发中心意见</th>');
    expect(html).not.toContain('Application number');
  });

  it('registers statistics staff in English: refusals and the registration’s state in the request’s language', async () => {
    const refused = await postJson(cms.url, '/api/public/statisticians', validStatistician({ idNumber: '123' }), ENGLISH);
    expect(refused.status).toBe(400);
    expect(fieldErrors(refused.body).idNumber).toBe('An ID card number is 18 characters: 17 digits, then a digit or X');

    const idNumber = '510104198507150014';
    const registered = await postJson<{ queryPassword: string }>(
      cms.url,
      '/api/public/statisticians',
      validStatistician({ idNumber }),
      ENGLISH,
    );
    expect(registered.status).toBe(201);
    const lookUp = (headers: Record<string, string>) =>
      postJson<{ registration: { stateLabel: string } }>(
        cms.url,
        '/api/public/statisticians/lookup',
        { idNumber, password: registered.body.queryPassword },
        headers,
      );
    expect((await lookUp(ENGLISH)).body.registration.stateLabel).toBe('Sent (locked)');
    expect((await lookUp({})).body.registration.stateLabel).toBe('已提交（锁定）');
  });
});
