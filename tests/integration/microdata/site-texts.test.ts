import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cmPath, type Staff, signInAs } from '../support/admin.ts';
import { getJson } from '../support/http.ts';
import { bootCms, type TestCms } from '../support/strapi.ts';

type Settings = { data: Record<string, string> };
type NoticeList = { data: Array<{ key: string; title: string; publishedOn: string }> };
const NOTICE = 'api::notice.notice';

describe('the site’s own words: settings, 通知公告 and the system texts', () => {
  let cms: TestCms;
  let editor: Staff;
  const documentIdOf = async (key: string) =>
    ((await cms.strapi.db.query(NOTICE).findOne({ where: { key } })) as { documentId: string }).documentId;

  beforeAll(async () => {
    cms = await bootCms('site_texts');
    editor = await signInAs(cms, 'Content editor', 'editor@example.org');
  });
  afterAll(async () => {
    await cms?.stop();
  });

  it('reads the seed’s system name and footer until an editor changes them in the admin', async () => {
    const first = await getJson<Settings>(cms.url, '/api/public/site-settings');
    expect(first.body.data).toEqual({
      systemName: '国家统计局微观数据用户注册申请系统',
      copyright: '中华人民共和国国家统计局',
      address: '北京市西城区月坛南街57号（100826）',
      phone: '',
      email: '',
      outcomeReviewEmail: '',
    });
    const saved = await editor.call('PUT', '/content-manager/single-types/api::site-setting.site-setting', {
      systemName: '国家统计局微观数据用户注册申请系统',
      copyright: '中华人民共和国国家统计局',
      address: '北京市西城区月坛南街57号（100826）',
      phone: '010-68783311',
      email: 'microdata@example.org',
      outcomeReviewEmail: 'outcomes@example.org',
    });
    expect(saved.status).toBe(200);
    const changed = await getJson<Settings>(cms.url, '/api/public/site-settings');
    expect(changed.body.data).toMatchObject({
      phone: '010-68783311',
      email: 'microdata@example.org',
      outcomeReviewEmail: 'outcomes@example.org',
    });
  });

  it('lists every notice with its publication date, the direct-reporting rules Q&A among them', async () => {
    const { status, body } = await getJson<NoticeList>(cms.url, '/api/public/announcements');
    expect(status).toBe(200);
    expect(body.data.map((n) => n.title)).toEqual(
      expect.arrayContaining(['如何计算直报率', '什么情况不算直报', '代理机构', '统计人员注册', '机构登记申请须知', '最终成果审核']),
    );
    expect(body.data.every((n) => /^\d{4}-\d{2}-\d{2}$/.test(n.publishedOn))).toBe(true);
    const rate = await getJson<{ data: { body: string } }>(cms.url, '/api/public/notices/direct-report-rate');
    expect(rate.body.data.body).toContain('直报率＝直报企业个数／应报企业个数×100');
  });

  it('puts a notice an editor dated later first', async () => {
    const documentId = await documentIdOf('agency-rules');
    expect((await editor.call('PUT', cmPath(NOTICE, documentId), { publishedOn: '2099-01-01' })).status).toBe(200);
    const { body } = await getJson<NoticeList>(cms.url, '/api/public/announcements');
    expect(body.data[0]).toEqual({ key: 'agency-rules', title: '代理机构', publishedOn: '2099-01-01' });
  });

  it.each(['institution-notice', 'data-application-instructions', 'institution-commitment', 'outcome-review'])(
    'refuses to delete the system text %s, in zh-CN, and keeps it',
    async (key) => {
      const refused = await editor.json<{ error: { message: string } }>('DELETE', cmPath(NOTICE, await documentIdOf(key)));
      expect(refused.status).toBe(400);
      expect(refused.body.error.message).toBe('申请须知、填表说明、承诺和最终成果审核是系统使用的说明，不能删除，只能修改内容');
      expect((await getJson(cms.url, `/api/public/notices/${key}`)).status).toBe(200);
    },
  );

  it('refuses a bulk delete that includes a system text, and a change of its key', async () => {
    const ids = [await documentIdOf('outcome-review'), await documentIdOf('statistician-rules')];
    const bulk = await editor.call('POST', `${cmPath(NOTICE)}/actions/bulkDelete`, { documentIds: ids });
    expect(bulk.status).toBe(400);
    expect(await cms.strapi.db.query(NOTICE).count({ where: { key: { $in: ['outcome-review', 'statistician-rules'] } } })).toBe(2);
    const renamed = await editor.json<{ error: { message: string } }>('PUT', cmPath(NOTICE, ids[0]), { key: 'outcome-review-old' });
    expect(renamed.body.error.message).toBe('申请须知、填表说明、承诺和最终成果审核是系统使用的说明，不能修改标识');
  });

  it('lets an editor delete any other notice', async () => {
    expect((await editor.call('DELETE', cmPath(NOTICE, await documentIdOf('direct-report-exceptions')))).status).toBe(200);
    expect((await getJson(cms.url, '/api/public/notices/direct-report-exceptions')).status).toBe(404);
  });
});
