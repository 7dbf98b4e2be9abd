import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInAs } from '../support/admin.ts';
import { validInstitution } from '../support/fixtures.ts';
import { getJson, postJson, type Submitted } from '../support/http.ts';
import { bootCms, type TestCms } from '../support/strapi.ts';

const PDF_UNAVAILABLE = '打印版申请表（PDF）暂时无法生成，请先使用网页版申请表打印。';

interface ErrorAnswer {
  error: { status: number; name: string; message: string; details: { fields: Record<string, string>; htmlForm?: string } };
}

/**
 * A machine where `npm start` could not install Chromium (no root, no network): the printable
 * form's PDF is a 503 that points at the HTML form, never a 500 (README: nothing else to install).
 */
describe('the printable form on a server without Chromium', () => {
  let cms: TestCms;
  let record: Submitted;
  let token: string;
  const before = process.env.CHROMIUM_PATH;

  beforeAll(async () => {
    cms = await bootCms('pdf-unavailable', { CHROMIUM_PATH: '/nonexistent/chromium' });
    record = (await postJson<Submitted>(cms.url, '/api/public/institutions', validInstitution())).body;
    token = (await postJson<{ token: string }>(cms.url, '/api/public/query', { phone: '15800000001', password: record.queryPassword })).body
      .token;
  });
  afterAll(async () => {
    await cms?.stop();
    if (before === undefined) delete process.env.CHROMIUM_PATH;
    else process.env.CHROMIUM_PATH = before;
  });

  it('answers the public PDF with 503, a zh-CN message and the HTML form’s address', async () => {
    const pdf = await getJson<ErrorAnswer>(cms.url, `/api/public/records/${record.applicationNo}/form.pdf`, {
      authorization: `Bearer ${token}`,
    });
    expect(pdf.status).toBe(503);
    expect(pdf.headers.get('content-type')).toContain('application/json');
    expect(pdf.headers.get('content-disposition')).toBeNull();
    expect(pdf.body.error).toEqual({
      status: 503,
      name: 'ServiceUnavailableError',
      message: PDF_UNAVAILABLE,
      details: { fields: {}, htmlForm: `/api/public/records/${record.applicationNo}/form.html` },
    });

    const html = await fetch(`${cms.url}${pdf.body.error.details.htmlForm}`, { headers: { authorization: `Bearer ${token}` } });
    expect(html.status).toBe(200);
    expect(await html.text()).toContain('微观数据开发应用机构登记表');
  });

  it('still answers someone without access with 401, not with the printer’s state', async () => {
    const pdf = await getJson<ErrorAnswer>(cms.url, `/api/public/records/${record.applicationNo}/form.pdf`);
    expect(pdf.status).toBe(401);
  });

  it('tells the reviewer in the admin why the PDF cannot be printed, with a 503', async () => {
    const reviewer = await signInAs(cms, 'Reviewer', 'pdf-reviewer@stats.example');
    const pdf = await reviewer.call('GET', `/review-desk/records/${record.applicationNo}/form.pdf`);
    expect(pdf.status).toBe(503);
    expect(pdf.headers.get('content-disposition')).toBeNull();
    expect(((await pdf.json()) as ErrorAnswer).error).toMatchObject({
      status: 503,
      name: 'ServiceUnavailableError',
      message: '打印版申请表（PDF）暂时无法生成：服务器上没有 Chromium 浏览器（/nonexistent/chromium）。请联系系统管理员。',
    });
  });
});
