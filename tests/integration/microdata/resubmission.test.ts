import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Staff, signInAs } from '../support/admin.ts';
import { postFile, SAMPLE_PDF } from '../support/files.ts';
import { validChangeApplication, validDataApplication, validInstitution } from '../support/fixtures.ts';
import { fieldErrors, getJson, postJson, type Submitted } from '../support/http.ts';
import { approvedInstitution, approveWithoutScan, review } from '../support/review.ts';
import { bootCms, type TestCms } from '../support/strapi.ts';

type Failure = { error: { status: number; message: string; details: { fields: Record<string, string> } } };
type Detail = {
  status: string;
  stampedForm: unknown;
  history: Array<{ action: string; from: string | null; to: string; changes: string[]; reason: string | null }>;
  original: { recordNo: string; rows: Array<{ label: string; original: string; change: string }> } | null;
  accessStart: string | null;
  accessEnd: string | null;
};

describe('a returned record is corrected and sent again under the same number', () => {
  let cms: TestCms;
  let reviewer: Staff;
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
  const put = async (no: string, body: unknown, token: string) => {
    const response = await fetch(`${cms.url}/api/public/records/${no}/answers`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', ...bearer(token) },
      body: JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> & Failure };
  };
  const institution = async (overrides: Record<string, unknown> = {}) =>
    (await postJson<Submitted & { token: string }>(cms.url, '/api/public/institutions', validInstitution(overrides))).body;
  const uploadScan = (no: string, token: string) =>
    postFile(`${cms.url}/api/public/records/${no}/stamped-form`, SAMPLE_PDF, 'scan.pdf', bearer(token), 'application/pdf');
  /** Submitted, stamped form uploaded, then 退回修改 with a reason. */
  async function returnedInstitution() {
    const submitted = await institution();
    expect((await uploadScan(submitted.applicationNo, submitted.token)).status).toBe(200);
    await review(cms).transition(submitted.applicationNo, { action: 'return', actor: '审核员甲', reason: '英文名有误，请更正' });
    return submitted;
  }
  const row = (no: string) => cms.strapi.db.query('api::institution.institution').findOne({ where: { recordNo: no } });

  beforeAll(async () => {
    cms = await bootCms('resubmission');
    reviewer = await signInAs(cms, 'Reviewer', 'reviewer-resubmit@stats.example');
  });
  afterAll(async () => {
    await cms?.stop();
  });

  it('opens the stored answers with the reviewer reason for the record token holder', async () => {
    const { applicationNo, token } = await returnedInstitution();
    const { status, body } = await getJson<{ reason: string; status: string; answers: Record<string, unknown> }>(
      cms.url,
      `/api/public/records/${applicationNo}/answers`,
      bearer(token),
    );
    expect(status).toBe(200);
    expect(body).toMatchObject({ status: 'returned', reason: '英文名有误，请更正' });
    expect(body.answers).toMatchObject({ fullName: '北京大学', englishName: 'Peking University', contactPhone: '15800000001' });
    expect(body.answers).not.toHaveProperty('passwordHash');
  });

  it('keeps the number and history, supersedes the scan and puts the record back in the queue', async () => {
    const { applicationNo, token } = await returnedInstitution();
    const { creditCode } = await row(applicationNo);
    const answer = await put(applicationNo, validInstitution({ englishName: 'Peking Univ.', creditCode }), token);
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ applicationNo, status: 'awaiting_upload', statusLabel: '等待上传申请表' });
    expect(await row(applicationNo)).toMatchObject({ englishName: 'Peking Univ.', status: 'awaiting_upload' });
    // The old stamped form is kept but no longer current.
    const scans = await cms.strapi.db.query('api::stamped-form.stamped-form').findMany({ where: { recordNo: applicationNo } });
    expect(scans.map((s: { current: boolean }) => s.current)).toEqual([false]);

    const detail = (await reviewer.json<Detail>('GET', `/review-desk/records/${applicationNo}`)).body;
    expect(detail.stampedForm).toBeNull();
    expect(detail.history.map((e) => [e.action, e.from, e.to])).toEqual([
      ['submit', null, 'awaiting_upload'],
      ['upload', 'awaiting_upload', 'awaiting_review'],
      ['return', 'awaiting_review', 'returned'],
      ['resubmit', 'returned', 'awaiting_upload'],
    ]);
    expect(detail.history.at(-1)?.changes).toEqual(['英文名：Peking University → Peking Univ.']);

    // The query page offers the upload of the new form, and the upload takes it to review.
    expect((await uploadScan(applicationNo, token)).body).toMatchObject({ status: 'awaiting_review' });
    const queue = await reviewer.json<{ rows: Array<{ recordNo: string }> }>(
      'GET',
      '/review-desk/records?kind=institution&status=awaiting_review',
    );
    expect(queue.body.rows.map((r) => r.recordNo)).toContain(applicationNo);
  });

  it('refuses a correction to a credit code another institution holds, on the field', async () => {
    const other = await institution();
    const { applicationNo, token } = await returnedInstitution();
    const { creditCode } = await row(other.applicationNo);
    const answer = await put(applicationNo, validInstitution({ creditCode }), token);
    expect(answer.status).toBe(400);
    expect(answer.body.error.details.fields.creditCode).toContain('该统一社会信用代码已有机构登记，不能重复登记');
    expect(await row(applicationNo)).toMatchObject({ status: 'returned' });
  });

  it('offers 修改申请 on /query only while returned', async () => {
    const { applicationNo, token } = await returnedInstitution();
    const rows = async () =>
      (await getJson<{ records: Array<{ recordNo: string; canResubmit: boolean }> }>(cms.url, '/api/public/records', bearer(token))).body
        .records;
    expect((await rows()).find((r) => r.recordNo === applicationNo)?.canResubmit).toBe(true);
    await put(applicationNo, validInstitution(), token);
    expect((await rows()).find((r) => r.recordNo === applicationNo)?.canResubmit).toBe(false);
  });

  it('refuses a record that is not returned with 409 in zh-CN, changing nothing', async () => {
    const { applicationNo, token } = await institution();
    const answer = await put(applicationNo, validInstitution({ englishName: 'Changed' }), token);
    expect(answer.status).toBe(409);
    expect(answer.body.error.message).toBe('当前状态为“等待上传申请表”，只有“退回修改”的申请可以修改后重新提交');
    expect((await row(applicationNo)).englishName).toBe('Peking University');
  });

  it('refuses a token that does not open the record, and one without a token', async () => {
    const mine = await returnedInstitution();
    const other = await institution({ contactPhone: '15800000002' });
    const answer = await put(mine.applicationNo, validInstitution({ englishName: 'Hijack' }), other.token);
    expect(answer.status).toBe(401);
    expect(answer.body.error.message).toBe('查询已过期或无权查看此申请，请重新查询');
    expect((await put(mine.applicationNo, validInstitution(), 'not-a-token')).status).toBe(401);
    expect((await row(mine.applicationNo)).status).toBe('returned');
  });

  it('says what is wrong next to the field and keeps the record returned', async () => {
    const { applicationNo, token } = await returnedInstitution();
    const answer = await put(applicationNo, validInstitution({ email: 'not-an-email' }), token);
    expect(answer.status).toBe(400);
    expect(Object.keys(fieldErrors(answer.body))).toEqual(['email']);
    const phoneChanged = await put(applicationNo, validInstitution({ contactPhone: '15800000009' }), token);
    expect(fieldErrors(phoneChanged.body)).toEqual({
      contactPhone: '修改申请时不能更改手机号码（它用于查询此申请）；如需更换，请重新提交申请',
    });
    expect((await row(applicationNo)).status).toBe('returned');
  });

  it('refuses a corrected data application that now names an institution still waiting, on the field', async () => {
    const approved = await approvedInstitution(cms);
    const waiting = await institution();
    const submitted = (
      await postJson<Submitted & { token: string }>(cms.url, '/api/public/data-applications', validDataApplication(approved.applicationNo))
    ).body;
    expect((await uploadScan(submitted.applicationNo, submitted.token)).status).toBe(200);
    await review(cms).transition(submitted.applicationNo, { action: 'return', actor: '审核员甲', reason: '请补充研究方法' });
    const answer = await put(submitted.applicationNo, validDataApplication(waiting.applicationNo), submitted.token);
    expect(answer.status).toBe(400);
    expect(fieldErrors(answer.body)).toEqual({ institution: '该机构的登记尚未通过审核，请选择已通过审核的申请机构' });
    const stored = await cms.strapi.db
      .query('api::data-application.data-application')
      .findOne({ where: { recordNo: submitted.applicationNo } });
    expect(stored).toMatchObject({ status: 'returned', institution: approved.applicationNo });
  });
});

describe('a change application starts from its approved original', () => {
  let cms: TestCms;
  let reviewer: Staff;
  let originalNo: string;
  let originalPassword: string;

  beforeAll(async () => {
    cms = await bootCms('change-prefill');
    reviewer = await signInAs(cms, 'Reviewer', 'reviewer-change@stats.example');
    const inst = await approvedInstitution(cms);
    const data = await postJson<Submitted>(cms.url, '/api/public/data-applications', validDataApplication(inst.applicationNo));
    originalNo = data.body.applicationNo;
    originalPassword = data.body.queryPassword;
    await approveWithoutScan(cms, originalNo);
  });
  afterAll(async () => {
    await cms?.stop();
  });

  const prefill = (body: Record<string, string>) =>
    postJson<{ values: Record<string, unknown> } & Failure>(cms.url, '/api/public/change-applications/prefill', body);

  it('fills the change form from the original once number, phone and query password match', async () => {
    const { status, body } = await prefill({ applicationNo: originalNo.toLowerCase(), phone: '13800138000', password: originalPassword });
    expect(status).toBe(200);
    expect(body.values).toMatchObject({
      originalApplicationNo: originalNo,
      projectName: '中国城镇化与家庭消费研究',
      applicantName: '张三',
      applicantIdNumber: '11010519491231002X',
      phone: '13800138000',
      email: 'zhangsan@pku.edu.cn',
      datasets: ['household-income-living', 'census-2010'],
      methodsUsed: '面板数据双重差分。',
    });
    expect(String(body.values.dataInUse)).toContain('、');
  });

  it('refuses a wrong password and an unknown number in zh-CN', async () => {
    const wrong = await prefill({ applicationNo: originalNo, phone: '13800138000', password: 'AAAA-BBBB-CC' });
    expect(wrong.status).toBe(401);
    expect(wrong.body.error.message).toBe('手机号码或查询密码不正确');
    const unknown = await prefill({ applicationNo: 'SY-2026-999999', phone: '13800138000', password: originalPassword });
    expect(unknown.status).toBe(400);
    expect(fieldErrors(unknown.body)).toEqual({
      applicationNo: '未找到与此联系电话对应的已获批数据使用申请，请核对原申请编号和联系电话',
    });
  });

  it('shows the original beside the change, and approving it updates the original in both histories', async () => {
    const change = await postJson<Submitted>(cms.url, '/api/public/change-applications', validChangeApplication(originalNo));
    const changeNo = change.body.applicationNo;
    await review(cms).transition(changeNo, { action: 'upload', actor: '测试' });

    const before = (await reviewer.json<Detail>('GET', `/review-desk/records/${changeNo}`)).body;
    expect(before.original?.recordNo).toBe(originalNo);
    expect(before.original?.rows.find((r) => r.label === '目录')).toEqual({
      label: '目录',
      original: '住户收支与生活状况调查、第六次全国人口普查',
      change: '第三次全国农业普查',
    });

    const decided = await reviewer.json<Detail>('POST', `/review-desk/records/${changeNo}/decisions`, {
      action: 'approve',
      accessStart: '2027-01-01',
      accessEnd: '2028-06-30',
    });
    expect(decided.status).toBe(200);
    expect(decided.body.history.at(-1)?.changes).toEqual([
      '目录：住户收支与生活状况调查、第六次全国人口普查 → 第三次全国农业普查',
      // In PostgreSQL's jsonb key order.
      '数据使用期限结束：（空） → 2028-06-30',
      '数据使用期限开始：（空） → 2027-01-01',
    ]);

    const original = await cms.strapi.db.query('api::data-application.data-application').findOne({ where: { recordNo: originalNo } });
    expect(original).toMatchObject({
      datasets: ['agricultural-census-3'],
      accessStart: '2027-01-01',
      accessEnd: '2028-06-30',
      status: 'approved',
    });
    const originalDetail = (await reviewer.json<Detail>('GET', `/review-desk/records/${originalNo}`)).body;
    expect(originalDetail.history.at(-1)).toMatchObject({
      action: 'amend',
      from: 'approved',
      to: 'approved',
      reason: `变更申请 ${changeNo} 审核通过`,
    });
    expect(originalDetail.history.at(-1)?.changes[0]).toBe(
      '申请使用的数据目录：住户收支与生活状况调查、第六次全国人口普查 → 第三次全国农业普查',
    );
  });
});
