import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Staff, signInAs } from '../support/admin.ts';
import { postJson } from '../support/http.ts';
import { bootCms, type TestCms } from '../support/strapi.ts';

const signIn = (cms: TestCms, email: string, password: string) => postJson(cms.url, '/admin/login', { email, password });

/** The admin panel's own calls: answered in zh-CN, and never a 404 for a feature that is off. */
describe('the admin API the panel calls', () => {
  let cms: TestCms;
  let reviewer: Staff;

  beforeAll(async () => {
    cms = await bootCms('admin_calls');
    reviewer = await signInAs(cms, 'Reviewer', 'reviewer@admin-calls.example');
  });
  afterAll(async () => {
    await cms?.stop();
  });

  it('says a wrong password in zh-CN on the sign-in page', async () => {
    const answer = await signIn(cms, reviewer.email, 'Not-The-Password-1');
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ error: { message: '邮箱或密码不正确' } });
  });

  it('refuses the sixth failed sign-in in fifteen minutes with 429 and a zh-CN message', async () => {
    const email = 'many-tries@admin-calls.example';
    for (let i = 0; i < 5; i++) expect((await signIn(cms, email, 'Not-The-Password-1')).status).toBe(400);
    const refused = await signIn(cms, email, 'Not-The-Password-1');
    expect(refused.status).toBe(429);
    expect(refused.body).toMatchObject({ error: { status: 429, message: '登录尝试次数过多，请15分钟后再试' } });
  });

  it('says in zh-CN, next to the field, why the profile page refused a password change', async () => {
    const wrong = await reviewer.json('PUT', '/admin/users/me', { currentPassword: 'Not-The-Password-1', password: 'New-Password-2026' });
    expect(wrong.status).toBe(400);
    expect(wrong.body).toMatchObject({
      error: {
        name: 'ValidationError',
        message: '当前密码不正确',
        details: { errors: [{ path: ['currentPassword'], message: '当前密码不正确' }] },
      },
    });
    const weak = await reviewer.json<{ error: { details: { errors: Array<{ message: string }> } } }>('PUT', '/admin/users/me', {
      currentPassword: 'Reviewer-Test-2026',
      password: 'alllowercase',
    });
    expect(weak.status).toBe(400);
    expect(weak.body.error.details.errors.map((e) => e.message)).toEqual(
      expect.arrayContaining(['密码至少需要包含一个大写字母', '密码至少需要包含一个数字']),
    );
  });

  it('names the super admin role 系统管理员 and offers it no Marketplace', async () => {
    const root = await signInAs(cms, 'Super Admin', 'root@admin-calls.example');
    const me = await root.json<{ data: { roles: Array<{ name: string; code: string }> } }>('GET', '/admin/users/me');
    expect(me.body.data.roles).toEqual([expect.objectContaining({ code: 'strapi-super-admin', name: '系统管理员' })]);
    const permissions = await root.json<{ data: Array<{ action: string }> }>('GET', '/admin/users/me/permissions');
    expect(permissions.body.data.map((p) => p.action)).toContain('admin::users.read');
    expect(permissions.body.data.map((p) => p.action)).not.toContain('admin::marketplace.read');
  });

  it('answers the edit view’s AI questions as "not configured" instead of 404 while AI is off', async () => {
    const config = await reviewer.json('GET', '/admin/ai-feature-config');
    expect(config).toEqual({ status: 200, body: { data: { isAiI18nConfigured: false, isAiMediaLibraryConfigured: false } } });
    const job = await reviewer.json('GET', '/i18n/ai-localization-jobs/collection-types/api::institution.institution/abc123');
    expect(job).toEqual({ status: 200, body: { data: null } });
  });

  it('still asks for a session before answering the AI questions', async () => {
    expect((await fetch(`${cms.url}/admin/ai-feature-config`)).status).toBe(401);
  });

  it('has no preview URL for a record, without a 404 (preview is off)', async () => {
    const preview = await reviewer.call('GET', '/content-manager/preview/url/api::institution.institution?documentId=abc123&status=draft');
    expect(preview.status).toBe(204);
  });

  it('forgets a language other than 简体中文 chosen before, at the next start', async () => {
    const users = () => cms.strapi.db.query('admin::user');
    await users().update({ where: { email: reviewer.email }, data: { preferedLanguage: 'en' } });
    cms = await cms.restart();
    expect(await users().findOne({ where: { email: reviewer.email } })).toMatchObject({ preferedLanguage: null });
  });
});
