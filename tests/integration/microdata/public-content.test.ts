import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validDataApplication, validInstitution } from '../support/fixtures.ts';
import { getJson, postJson, type Submitted } from '../support/http.ts';
import { approvedInstitution } from '../support/review.ts';
import { bootCms, type TestCms } from '../support/strapi.ts';

/** What personal data looks like in a response: an ID number, a mobile number, an email address. */
const PERSONAL = [/\d{17}[\dXx]/, /(?<!\d)1[3-9]\d{9}(?!\d)/, /[\w.+-]+@[\w-]+\.[\w.]+/];

describe('public content and personal data', () => {
  let cms: TestCms;
  let institution: Submitted;

  beforeAll(async () => {
    cms = await bootCms('public_content');
    institution = await approvedInstitution(cms);
    await postJson(
      cms.url,
      '/api/public/institutions',
      validInstitution({ fullName: '中国人民大学', abbreviation: 'RUC', contactPhone: '13911112222' }),
    );
    await postJson(cms.url, '/api/public/data-applications', validDataApplication(institution.applicationNo));
  });
  afterAll(async () => {
    await cms?.stop();
  });

  it('lists the six datasets of the seed’s catalog', async () => {
    const { status, body } = await getJson<{ data: Array<{ name: string }> }>(cms.url, '/api/public/catalog');
    expect(status).toBe(200);
    expect(body.data.map((d) => d.name)).toEqual([
      '规模以上工业企业财务状况调查',
      '住户收支与生活状况调查',
      '第六次全国人口普查',
      '2015年1%人口抽样调查',
      '第三次全国经济普查',
      '第三次全国农业普查',
    ]);
  });

  it('serves a notice by key and answers 404 for an unknown one', async () => {
    const { body } = await getJson<{ data: { title: string; body: string } }>(cms.url, '/api/public/notices/institution-commitment');
    expect(body.data.title).toBe('申请单位承诺');
    expect(body.data.body).toContain('不泄露个人隐私或商业秘密');
    expect((await getJson(cms.url, '/api/public/notices/nothing-here')).status).toBe(404);
  });

  it('lists registered institutions with public fields only, searchable by name or abbreviation', async () => {
    const all = await getJson<{ institutions: Array<Record<string, string>>; pagination: { total: number } }>(
      cms.url,
      '/api/public/institutions',
    );
    expect(all.body.pagination.total).toBe(2);
    expect(Object.keys(all.body.institutions[0] ?? {}).sort()).toEqual([
      'abbreviation',
      'name',
      'recordNo',
      'status',
      'statusLabel',
      'submittedOn',
    ]);
    const found = await getJson<{ institutions: Array<{ name: string }> }>(cms.url, '/api/public/institutions?q=ruc');
    expect(found.body.institutions.map((i) => i.name)).toEqual(['中国人民大学']);
  });

  it('shows no ID number, phone or email on any route open without credentials', async () => {
    const routes = [
      '/api/public/catalog',
      '/api/public/institutions',
      '/api/public/institutions?page=1',
      ...['institution-notice', 'institution-commitment', 'data-application-instructions', 'outcome-review'].map(
        (k) => `/api/public/notices/${k}`,
      ),
    ];
    for (const route of routes) {
      const text = await (await fetch(`${cms.url}${route}`)).text();
      for (const pattern of PERSONAL) expect(text, route).not.toMatch(pattern);
    }
  });

  it('exposes none of Strapi’s generic content routes for submissions', async () => {
    for (const path of ['institutions', 'data-applications', 'change-applications', 'outcomes', 'review-events', 'stamped-forms']) {
      expect((await fetch(`${cms.url}/api/${path}`)).status, path).toBe(404);
    }
  });
});
