import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileNameOf } from '../../../config/src/contract/content-disposition.ts';
import { cmPath, type Staff, signInAs } from '../support/admin.ts';
import { postFile, SAMPLE_PDF } from '../support/files.ts';
import { validDataApplication, validInstitution } from '../support/fixtures.ts';
import { postJson } from '../support/http.ts';
import { bootCms, type TestCms } from '../support/strapi.ts';

type Detail = {
  status: string;
  statusLabel: string;
  actions: Array<{ action: string }>;
  accessStart: string | null;
  accessEnd: string | null;
  stampedForm: { fileName: string } | null;
  history: Array<{ action: string; from: string | null; to: string; actor: string; reason: string | null }>;
};
type Failure = { error: { status: number; message: string; details: { fields: Record<string, string> } } };

describe('the reviewer and editor desk in the admin', () => {
  let cms: TestCms;
  let reviewer: Staff;
  let editor: Staff;
  let bureau: Staff;

  /** Submits an institution and uploads its stamped form, so that it waits for review. */
  async function waitingInstitution(overrides: Record<string, unknown> = {}): Promise<string> {
    const submitted = await postJson<{ applicationNo: string; token: string }>(
      cms.url,
      '/api/public/institutions',
      validInstitution(overrides),
    );
    const upload = await postFile(stampedFormUrl(submitted.body.applicationNo), SAMPLE_PDF, '盖章申请表.pdf', bearer(submitted.body.token));
    expect(upload.status).toBe(200);
    return submitted.body.applicationNo;
  }
  const stampedFormUrl = (no: string) => `${cms.url}/api/public/records/${no}/stamped-form`;
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
  const decide = (no: string, body: Record<string, unknown>, as: Staff = reviewer) =>
    as.json<Detail & Failure>('POST', `/review-desk/records/${no}/decisions`, body);
  const documentIdOf = async (uid: string, no: string) =>
    ((await cms.strapi.db.query(uid as never).findOne({ where: { recordNo: no } })) as { documentId: string }).documentId;

  beforeAll(async () => {
    cms = await bootCms('review-desk');
    reviewer = await signInAs(cms, 'Reviewer', 'reviewer@stats.example');
    editor = await signInAs(cms, 'Content editor', 'editor@stats.example');
    bureau = await signInAs(cms, 'Bureau staff', 'bureau@stats.example');
  });
  afterAll(async () => {
    await cms?.stop();
  });

  describe('roles', () => {
    it('are created once, however often Strapi starts', async () => {
      // The compiled bootstrap step Strapi ran at start, run once more.
      const compiled = '../../../cms/dist/src/bootstrap/admin-roles.js';
      const { ensureAdminRoles } = (await import(compiled)) as { ensureAdminRoles(strapi: unknown): Promise<void> };
      const count = async () => Number(await cms.strapi.db.query('admin::permission').count({}));
      const before = await count();
      await ensureAdminRoles(cms.strapi);
      expect(await count()).toBe(before);
      const codes = ((await cms.strapi.db.query('admin::role').findMany({})) as Array<{ code: string }>).map((r) => r.code);
      expect(codes.filter((c) => ['statdesk-reviewer', 'statdesk-content-editor', 'statdesk-bureau-staff'].includes(c)).sort()).toEqual([
        'statdesk-bureau-staff',
        'statdesk-content-editor',
        'statdesk-reviewer',
      ]);
    });

    it('let a reviewer read an institution with its contact phone but not change or delete it', async () => {
      const no = await waitingInstitution();
      const documentId = await documentIdOf('api::institution.institution', no);
      const read = await reviewer.json<{ data: Record<string, unknown> }>('GET', cmPath('api::institution.institution', documentId));
      expect(read.status).toBe(200);
      expect(read.body.data.contactPhone).toBe('15800000001');
      expect(read.body.data).not.toHaveProperty('passwordHash');
      const update = await reviewer.call('PUT', cmPath('api::institution.institution', documentId), {
        ...read.body.data,
        fullName: '改过的名字',
      });
      expect(update.status).toBe(403);
      expect((await reviewer.call('DELETE', cmPath('api::institution.institution', documentId))).status).toBe(403);
      const row = await cms.strapi.db.query('api::institution.institution').findOne({ where: { recordNo: no } });
      expect(row.fullName).toBe('北京大学');
    });

    it('keep a content editor away from institutions and show outcomes without personal fields', async () => {
      const no = await waitingInstitution();
      const documentId = await documentIdOf('api::institution.institution', no);
      expect((await editor.call('GET', cmPath('api::institution.institution', documentId))).status).toBe(403);
      expect((await editor.call('GET', cmPath('api::institution.institution'))).status).toBe(403);
      await cms.strapi.db.query('api::outcome.outcome').create({
        data: {
          recordNo: 'CG-2026-900001',
          status: 'awaiting_review',
          submittedAt: new Date().toISOString(),
          applicationNo: 'SY-2026-000001',
          applicantName: '张三',
          phone: '13800138000',
          leaderName: '李四',
          projectName: '城镇化研究',
          outcomeName: '城镇化与消费',
          outcomeForm: 'journal',
          author1: '张三，北京大学，教授',
          publication: '经济研究 2026(1)',
          fullTextPublished: 'published',
          indexing: ['cssci'],
        },
      });
      const outcome = await editor.json<{ data: Record<string, unknown> }>(
        'GET',
        cmPath('api::outcome.outcome', await documentIdOf('api::outcome.outcome', 'CG-2026-900001')),
      );
      expect(outcome.status).toBe(200);
      expect(outcome.body.data.outcomeName).toBe('城镇化与消费');
      for (const personal of ['phone', 'applicantName', 'leaderName']) expect(outcome.body.data).not.toHaveProperty(personal);
    });

    it('let a content editor keep the catalog but not decide', async () => {
      const created = await editor.json<{ data: { code: string } }>('POST', cmPath('api::dataset.dataset'), {
        code: 'economic-census-5',
        name: '第五次全国经济普查',
        sortOrder: 99,
        available: true,
      });
      expect(created.status).toBe(201);
      const no = await waitingInstitution();
      expect((await decide(no, { action: 'approve' }, editor)).status).toBe(403);
      expect((await decide(no, { action: 'approve' }, bureau)).status).toBe(403);
    });

    it('give bureau staff the statisticians and none of the microdata records', async () => {
      expect((await bureau.call('GET', cmPath('api::statistician.statistician'))).status).toBe(200);
      expect((await bureau.call('GET', cmPath('api::data-application.data-application'))).status).toBe(403);
      expect((await bureau.call('GET', '/review-desk/records?kind=institution')).status).toBe(403);
    });
  });

  describe('review actions', () => {
    it('approve a data application with an access period, stamped and in the history', async () => {
      const institution = await waitingInstitution();
      await decide(institution, { action: 'approve' });
      const submitted = await postJson<{ applicationNo: string; token: string }>(
        cms.url,
        '/api/public/data-applications',
        validDataApplication(institution),
      );
      const no = submitted.body.applicationNo;
      await postFile(stampedFormUrl(no), SAMPLE_PDF, 'scan.pdf', bearer(submitted.body.token));
      const approved = await decide(no, { action: 'approve', accessStart: '2026-12-01', accessEnd: '2027-11-30' });
      expect(approved.status).toBe(200);
      expect(approved.body).toMatchObject({
        status: 'approved',
        statusLabel: '审核通过',
        accessStart: '2026-12-01',
        accessEnd: '2027-11-30',
        // Once approved, only the use can be ended (终止使用), with a reason.
        actions: [{ action: 'revoke', label: '终止使用', needsReason: true }],
      });
      expect(approved.body.history.at(-1)).toMatchObject({
        action: 'approve',
        from: 'awaiting_review',
        to: 'approved',
        actor: 'Reviewer测试 <reviewer@stats.example>',
        reason: null,
      });
      const row = await cms.strapi.db.query('api::data-application.data-application').findOne({ where: { recordNo: no } });
      expect(row.reviewedAt).not.toBeNull();
    });

    it('return with a reason, which the applicant then reads on the query page', async () => {
      const no = await waitingInstitution({ contactPhone: '15800000077' });
      const returned = await decide(no, { action: 'return', reason: '盖章不清晰，请重新扫描上传' });
      expect(returned.body.status).toBe('returned');
      expect(returned.body.history.map((e) => [e.action, e.from, e.to, e.reason])).toEqual([
        ['submit', null, 'awaiting_upload', null],
        ['upload', 'awaiting_upload', 'awaiting_review', null],
        ['return', 'awaiting_review', 'returned', '盖章不清晰，请重新扫描上传'],
      ]);
      expect(returned.body.history[1]?.actor).toBe('申请人');
    });

    it('refuse a return or rejection without a reason next to the reason box', async () => {
      const no = await waitingInstitution();
      for (const action of ['return', 'reject']) {
        const refused = await decide(no, { action, reason: '  ' });
        expect(refused.status).toBe(400);
        expect(refused.body.error.details.fields).toEqual({ reason: '请填写理由：退回修改、不通过或终止使用时必须说明原因' });
      }
      expect((await reviewer.json<Detail>('GET', `/review-desk/records/${no}`)).body.status).toBe('awaiting_review');
    });

    it('refuse a decision the workflow does not allow, saying why', async () => {
      const submitted = await postJson<{ applicationNo: string }>(cms.url, '/api/public/institutions', validInstitution());
      const refused = await decide(submitted.body.applicationNo, { action: 'approve' });
      expect(refused.status).toBe(409);
      expect(refused.body.error.message).toBe('当前状态为“等待上传申请表”，不能执行“通过”');
      const no = await waitingInstitution();
      await decide(no, { action: 'reject', reason: '机构不符合条件' });
      expect((await decide(no, { action: 'approve' })).body.error.message).toBe('当前状态为“审核未通过”，不能执行“通过”');
    });

    it('refuse an access period on anything but an approved data application, and a period that ends first', async () => {
      const no = await waitingInstitution();
      expect(
        (await decide(no, { action: 'approve', accessStart: '2026-12-01', accessEnd: '2027-11-30' })).body.error.details.fields,
      ).toEqual({
        accessStart: '只有数据使用申请和变更申请在通过时可以设定数据使用期限',
      });
      expect(
        (await decide(no, { action: 'approve', accessStart: '2027-12-01', accessEnd: '2026-11-30' })).body.error.details.fields,
      ).toEqual({
        accessEnd: '数据使用期限的结束日期不能早于开始日期',
      });
      expect((await decide(no, { action: 'archive' })).body.error.details.fields).toEqual({
        action: '请选择审核决定：通过、退回修改、不通过或终止使用',
      });
    });

    it('show the uploaded scan to the reviewer only, as a sandboxed file', async () => {
      const no = await waitingInstitution();
      const detail = await reviewer.json<Detail>('GET', `/review-desk/records/${no}`);
      expect(detail.body.stampedForm?.fileName).toBe('盖章申请表.pdf');
      expect(detail.body.actions.map((a) => a.action)).toEqual(['approve', 'return', 'reject']);
      const scan = await reviewer.call('GET', `/review-desk/records/${no}/stamped-form?download=1`);
      expect(scan.status).toBe(200);
      expect(scan.headers.get('content-type')).toBe('application/pdf');
      // Saved under the applicant's own (Chinese) file name.
      expect(scan.headers.get('content-disposition')).toMatch(/^attachment;/);
      expect(fileNameOf(scan.headers.get('content-disposition'))).toBe('盖章申请表.pdf');
      expect(scan.headers.get('x-content-type-options')).toBe('nosniff');
      expect(Buffer.from(await scan.arrayBuffer()).equals(SAMPLE_PDF)).toBe(true);
      expect((await editor.call('GET', `/review-desk/records/${no}/stamped-form`)).status).toBe(403);
      expect((await fetch(`${cms.url}/review-desk/records/${no}/stamped-form`)).status).toBe(401);
    });
  });

  describe('queues and exports', () => {
    it('count each queue, waiting first, and list it oldest first', async () => {
      const queues = await reviewer.json<Array<{ kind: string; queues: Array<{ status: string; count: number }> }>>(
        'GET',
        '/review-desk/queues',
      );
      const institutions = queues.body.find((q) => q.kind === 'institution');
      expect(institutions?.queues[0]?.status).toBe('awaiting_review');
      const waiting = Number(await cms.strapi.db.query('api::institution.institution').count({ where: { status: 'awaiting_review' } }));
      expect(institutions?.queues[0]?.count).toBe(waiting);
      const list = await reviewer.json<{ rows: Array<{ submittedAt: string; status: string }> }>(
        'GET',
        '/review-desk/records?kind=institution&status=awaiting_review',
      );
      expect(list.body.rows).toHaveLength(Math.min(waiting, 20));
      const times = list.body.rows.map((r) => r.submittedAt);
      expect(times).toEqual([...times].sort());
      expect(new Set(list.body.rows.map((r) => r.status))).toEqual(new Set(['awaiting_review']));
      expect((await editor.json<unknown[]>('GET', '/review-desk/queues')).body.map((q) => (q as { kind: string }).kind)).toEqual([
        'outcome',
      ]);
    });

    it('export a filtered list as CSV with zh-CN headers and Beijing times', async () => {
      const no = await waitingInstitution({ fullName: '=HYPERLINK("x")' });
      const response = await reviewer.call('GET', `/review-desk/export?kind=institution&status=awaiting_review&q=${no}`);
      expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      const bytes = Buffer.from(await response.arrayBuffer());
      // A byte-order mark first, so that Excel on Chinese Windows reads UTF-8.
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const text = bytes.subarray(3).toString('utf8');
      expect(text.startsWith('编号,审核状态,机构,提交时间,审核时间,审核理由,机构单位全称,统一社会信用代码')).toBe(true);
      const lines = text.trim().split('\r\n');
      expect(lines).toHaveLength(2);
      const row = await cms.strapi.db.query('api::institution.institution').findOne({ where: { recordNo: no } });
      const beijing = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai', dateStyle: 'short', timeStyle: 'medium' }).format(
        new Date(row.submittedAt),
      );
      expect(lines[1]).toContain(`${no},等待实验室审批,`);
      expect(lines[1]).toContain(beijing);
      expect(lines[1]).toContain(`"'=HYPERLINK(""x"")"`);
      expect(lines[1]).toContain('15800000001');
    });

    it('export as XLSX, and only the fields the role may read', async () => {
      const response = await reviewer.call('GET', '/review-desk/export?kind=institution&status=returned&format=xlsx');
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(await response.arrayBuffer());
      const sheet = workbook.getWorksheet('机构登记');
      const returned = Number(await cms.strapi.db.query('api::institution.institution').count({ where: { status: 'returned' } }));
      expect(sheet?.rowCount).toBe(returned + 1);
      expect(sheet?.getRow(2).getCell(2).value).toBe('退回修改');
      const outcomes = await (await editor.call('GET', '/review-desk/export?kind=outcome')).text();
      const headers = outcomes.split('\r\n')[0]?.split(',') ?? [];
      expect(headers).toContain('最终成果名称');
      for (const personal of ['申请手机号码', '申请用户', '负责人姓名']) expect(headers).not.toContain(personal);
    });
  });

  it('sums up the desk for the home widgets', async () => {
    const overview = await reviewer.json<{
      waiting: Array<{ kind: string; count: number }>;
      decisionsThisWeek: number;
      medianDaysToDecision: number | null;
      oldestWaitingDays: number | null;
      mailEnabled: boolean;
    }>('GET', '/review-desk/overview');
    const waiting = Number(await cms.strapi.db.query('api::institution.institution').count({ where: { status: 'awaiting_review' } }));
    expect(overview.body.waiting.find((w) => w.kind === 'institution')?.count).toBe(waiting);
    const decisions = Number(
      await cms.strapi.db.query('api::review-event.review-event').count({ where: { action: { $in: ['approve', 'return', 'reject'] } } }),
    );
    expect(overview.body.decisionsThisWeek).toBe(decisions);
    expect(overview.body.medianDaysToDecision).toBe(0);
    expect(overview.body.oldestWaitingDays).toBe(0);
    expect(overview.body.mailEnabled).toBe(false);
  });
});
