import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cmPath, type Staff, signInAs } from '../support/admin.ts';
import { postFile, SAMPLE_PDF } from '../support/files.ts';
import { validInstitution } from '../support/fixtures.ts';
import { postJson } from '../support/http.ts';
import { forgetMailSettings, mailSettings, type SinkMessage, startSmtpSink } from '../support/smtp-sink.ts';
import { bootCms, type TestCms } from '../support/strapi.ts';

type Failure = { error: { message: string; details: { fields: Record<string, string> } } };

/** Subject and plain-text body of a message as the applicant's mail program shows them. */
async function textOf(message: SinkMessage): Promise<string> {
  const parsed = await simpleParser(message.raw);
  return `${parsed.subject ?? ''}\n${parsed.text ?? ''}`;
}

async function waitFor<T>(find: () => Promise<T | undefined>, what: string): Promise<T> {
  for (let i = 0; i < 100; i++) {
    const found = await find();
    if (found) return found;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`Timed out waiting for ${what}`);
}

describe('print templates and applicant emails', () => {
  let cms: TestCms;
  let sink: Awaited<ReturnType<typeof startSmtpSink>>;
  let editor: Staff;
  let reviewer: Staff;

  beforeAll(async () => {
    sink = await startSmtpSink();
    // The mail worker looks for due mail every 200 ms here, so the applicant's mail arrives in the test's time.
    cms = await bootCms('templates-mail', mailSettings(sink.port, 200));
    editor = await signInAs(cms, 'Content editor', 'editor@stats.example');
    reviewer = await signInAs(cms, 'Reviewer', 'reviewer@stats.example');
  });
  afterAll(async () => {
    await cms?.stop();
    await sink?.stop();
    forgetMailSettings();
  });

  describe('print templates', () => {
    const save = (source: string) =>
      editor.json<Failure & { overridden: boolean }>('PUT', '/review-desk/templates/institution', { source });

    it('refuses a template that prints unescaped with {{{ }}}', async () => {
      const refused = await save('<h1>{{{title}}}</h1>');
      expect(refused.status).toBe(400);
      expect(refused.body.error.details.fields).toEqual({ source: '模板不能使用 {{{ }}}：所有内容都必须经过转义' });
      expect((await editor.json<{ overridden: boolean }>('GET', '/review-desk/templates/institution')).body.overridden).toBe(false);
    });

    it('refuses a template with a syntax error, naming the problem', async () => {
      const refused = await save('{{#each sections}}<p>{{name}}</p>');
      expect(refused.status).toBe(400);
      expect(refused.body.error.details.fields.source).toMatch(/^模板语法错误：/);
    });

    it('refuses the same templates when saved through the Content Manager', async () => {
      const response = await editor.json<Failure>('POST', cmPath('api::print-template.print-template'), {
        formId: 'institution',
        source: '{{{recordNo}}}',
      });
      expect(response.status).toBe(400);
      expect(response.body.error.message).toBe('模板不能使用 {{{ }}}：所有内容都必须经过转义');
    });

    it('previews a template against a sample record, escaping what it shows', async () => {
      const preview = await editor.json<{ html: string }>('POST', '/review-desk/templates/institution/preview', {
        source: '<h1>{{title}}</h1><p>{{recordNo}}</p>{{#each sections}}{{#each rows}}<i>{{label}}={{value}}</i>{{/each}}{{/each}}',
      });
      expect(preview.status).toBe(200);
      expect(preview.body.html).toContain('<h1>微观数据开发应用机构登记表</h1><p>JG-2026-000000</p>');
      expect(preview.body.html).toContain('<i>联系人电话=13800000000</i>');
    });

    it('prints records with a saved override until it is reset', async () => {
      const saved = await save('<main class="override">{{title}} {{recordNo}}</main>');
      expect(saved.status).toBe(200);
      const submitted = await postJson<{ applicationNo: string; token: string }>(cms.url, '/api/public/institutions', validInstitution());
      const printed = async () =>
        (
          await fetch(`${cms.url}/api/public/records/${submitted.body.applicationNo}/form.html`, {
            headers: { authorization: `Bearer ${submitted.body.token}` },
          })
        ).text();
      expect(await printed()).toBe(`<main class="override">微观数据开发应用机构登记表 ${submitted.body.applicationNo}</main>`);
      expect((await editor.json<{ overridden: boolean }>('DELETE', '/review-desk/templates/institution')).body.overridden).toBe(false);
      expect(await printed()).toContain('法人单位负责人签字');
    });

    it('are kept from reviewers who may not edit them', async () => {
      expect((await reviewer.call('PUT', '/review-desk/templates/institution', { source: '<p>{{title}}</p>' })).status).toBe(403);
    });
  });

  describe('emails to the applicant', () => {
    it('confirms a submission and sends each decision with its reason', async () => {
      const submitted = await postJson<{ applicationNo: string; token: string }>(
        cms.url,
        '/api/public/institutions',
        validInstitution({ contactEmail: 'applicant@univ.example' }),
      );
      const no = submitted.body.applicationNo;
      const toApplicant = () => Promise.all(sink.messages.filter((m) => m.to.includes('applicant@univ.example')).map(textOf));
      const received = await waitFor(async () => (await toApplicant()).find((t) => t.includes('已收到')), 'the confirmation');
      expect(received).toContain(`【统计数据服务平台】已收到您的机构登记（${no}）`);
      expect(received).not.toMatch(/查询密码[:：]/);

      await postFile(`${cms.url}/api/public/records/${no}/stamped-form`, SAMPLE_PDF, 'scan.pdf', {
        authorization: `Bearer ${submitted.body.token}`,
      });
      await reviewer.json('POST', `/review-desk/records/${no}/decisions`, { action: 'return', reason: '法人代表签字缺失' });
      const decision = await waitFor(async () => (await toApplicant()).find((t) => t.includes('退回修改')), 'the decision');
      expect(decision).toContain(`机构登记（${no}）退回修改`);
      expect(decision).toContain('理由：法人代表签字缺失');
    });

    it('says on the desk that mail is on', async () => {
      expect((await reviewer.json<{ enabled: boolean }>('GET', '/review-desk/mail')).body.enabled).toBe(true);
    });
  });
});
