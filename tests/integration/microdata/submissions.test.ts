import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validChangeApplication, validDataApplication, validInstitution, validOutcome } from '../support/fixtures.ts';
import { fieldErrors, postJson, type Submitted } from '../support/http.ts';
import { approvedInstitution, approveWithoutScan, review } from '../support/review.ts';
import { bootCms, type TestCms } from '../support/strapi.ts';

const YEAR = new Date().getFullYear();

describe('public submissions', () => {
  let cms: TestCms;
  const count = async (table: string) => Number((await cms.strapi.db.connection(table).count({ n: '*' }))[0]?.n);

  beforeAll(async () => {
    cms = await bootCms('submissions');
  });
  afterAll(async () => {
    await cms?.stop();
  });

  describe('机构登记', () => {
    it('answers 201 with a readable number, a query password and the first status', async () => {
      const { status, body } = await postJson<Submitted>(cms.url, '/api/public/institutions', validInstitution());
      expect(status).toBe(201);
      expect(body.applicationNo).toMatch(new RegExp(`^JG-${YEAR}-\\d{6}$`));
      expect(body.queryPassword).toMatch(/^[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{2}$/);
      expect(body).toMatchObject({ status: 'awaiting_upload', statusLabel: '等待上传申请表' });
    });

    it('stores only a slow hash of the password, and normalised answers', async () => {
      const { body } = await postJson<Submitted>(cms.url, '/api/public/institutions', validInstitution({ fullName: '清华大学' }));
      const row = await cms.strapi.db.query('api::institution.institution').findOne({ where: { recordNo: body.applicationNo } });
      expect(row.passwordHash).toMatch(/^scrypt\$/);
      expect(row.passwordHash).not.toContain(body.queryPassword.replaceAll('-', ''));
      expect(row.contactPhone).toBe('15800000001');
      expect(row.website).toBe('https://www.pku.edu.cn/');
    });

    it('answers 400 with a zh-CN message for each missing field and writes nothing', async () => {
      const before = await count('institutions');
      const { status, body } = await postJson(cms.url, '/api/public/institutions', {});
      expect(status).toBe(400);
      expect(fieldErrors(body)).toMatchObject({
        agreeNotice: '请阅读并勾选同意后再继续',
        fullName: '请输入机构单位全称',
        creditCode: '请输入统一社会信用代码',
        contactPhone: '请输入联系人电话',
        commitment: '请阅读并勾选同意后再继续',
      });
      expect(fieldErrors(body)).not.toHaveProperty('website');
      expect(await count('institutions')).toBe(before);
    });

    it.each([
      ['creditCode', '91350100M000100Y44', '统一社会信用代码的校验码（最后一位）不正确，请核对后重新输入'],
      ['contactPhone', '12345', '请输入11位中国大陆手机号码，如 138 0013 8000'],
      ['contactEmail', 'lisi@', '请输入有效的电子邮箱地址，如 name@example.com'],
      ['website', 'javascript:alert(1)', '请输入以 http:// 或 https:// 开头的完整网址，如 https://www.example.cn'],
      ['fullName', '北'.repeat(101), '机构单位全称不能超过100个字'],
      ['fullName', 12345, '机构单位全称的格式不正确'],
      ['commitment', false, '请阅读并勾选同意后再继续'],
    ])('refuses %s = %j with its own message', async (field, value, message) => {
      const before = await count('institutions');
      const { status, body } = await postJson(cms.url, '/api/public/institutions', validInstitution({ [field]: value }));
      expect(status).toBe(400);
      expect(fieldErrors(body)).toEqual({ [field]: message });
      expect(await count('institutions')).toBe(before);
    });

    it('answers 400, not 500, to a body that is not an object or not JSON', async () => {
      for (const body of ['[]', '"text"', 'null', '{"fullName":']) {
        const { status } = await postJson(cms.url, '/api/public/institutions', body);
        expect(status, body).toBe(400);
      }
    });

    it('ignores fields a person must not set, such as the status', async () => {
      const { body } = await postJson<Submitted>(
        cms.url,
        '/api/public/institutions',
        validInstitution({ status: 'approved', recordNo: 'JG-1999-000001' }),
      );
      expect(body.status).toBe('awaiting_upload');
      expect(body.applicationNo).not.toBe('JG-1999-000001');
    });
  });

  describe('数据使用申请, 变更申请 and 成果登记', () => {
    let institutionNo: string;
    let applicationNo: string;

    beforeAll(async () => {
      institutionNo = (await approvedInstitution(cms)).applicationNo;
      applicationNo = (await postJson<Submitted>(cms.url, '/api/public/data-applications', validDataApplication(institutionNo))).body
        .applicationNo;
    });

    it('numbers a data application SY-year-sequence and shows the institution name', async () => {
      expect(applicationNo).toMatch(new RegExp(`^SY-${YEAR}-\\d{6}$`));
      const row = await cms.strapi.db.query('api::data-application.data-application').findOne({ where: { recordNo: applicationNo } });
      expect(row).toMatchObject({
        organisationName: '北京大学',
        datasets: ['household-income-living', 'census-2010'],
        leaderIdNumber: '11010519491231002X',
      });
    });

    it('requires a registered institution and datasets from the catalog', async () => {
      const { status, body } = await postJson(
        cms.url,
        '/api/public/data-applications',
        validDataApplication('JG-2000-000001', { datasets: ['census-2010', 'moon-survey'] }),
      );
      expect(status).toBe(400);
      expect(fieldErrors(body)).toEqual({ institution: '请选择已登记的申请机构', datasets: '请从列表中选择申请使用的数据目录' });
    });

    it('refuses an ID number with a wrong check digit and a period that ends before it starts', async () => {
      const { body } = await postJson(
        cms.url,
        '/api/public/data-applications',
        validDataApplication(institutionNo, { leaderIdNumber: '110105194912310021', usePeriodEnd: '2026-01-01' }),
      );
      expect(fieldErrors(body)).toEqual({ leaderIdNumber: '身份证号码的校验位（最后一位）不正确，请核对后重新输入' });
      const second = await postJson(
        cms.url,
        '/api/public/data-applications',
        validDataApplication(institutionNo, { usePeriodEnd: '2026-01-01' }),
      );
      expect(fieldErrors(second.body)).toEqual({ usePeriodEnd: '使用期限结束日期不能早于开始日期' });
    });

    it('accepts a change application only for an approved original with the same phone', async () => {
      const refused = await postJson(cms.url, '/api/public/change-applications', validChangeApplication(applicationNo));
      expect(refused.status).toBe(400);
      expect(fieldErrors(refused.body)).toEqual({
        originalApplicationNo: '未找到与此联系电话对应的已获批数据使用申请，请核对原申请编号和联系电话',
      });

      await approveWithoutScan(cms, applicationNo);
      const wrongPhone = await postJson(
        cms.url,
        '/api/public/change-applications',
        validChangeApplication(applicationNo, { phone: '13900139000' }),
      );
      expect(wrongPhone.status).toBe(400);
      const accepted = await postJson<Submitted>(cms.url, '/api/public/change-applications', validChangeApplication(applicationNo));
      expect(accepted.status).toBe(201);
      expect(accepted.body.applicationNo).toMatch(new RegExp(`^BG-${YEAR}-\\d{6}$`));
    });

    it('registers an outcome against an approved application whose phone matches, with a query password', async () => {
      const wrong = await postJson(cms.url, '/api/public/outcomes', validOutcome(applicationNo, { phone: '13900139000' }));
      expect(fieldErrors(wrong.body)).toEqual({
        applicationNo: '未找到与此手机号码对应的已获批数据使用申请，请核对数据申请表号和手机号码',
      });
      const { status, body } = await postJson(cms.url, '/api/public/outcomes', validOutcome(applicationNo));
      expect(status).toBe(201);
      expect(body).toEqual({
        outcomeNo: expect.stringMatching(new RegExp(`^CG-${YEAR}-\\d{6}$`)),
        applicationNo: (body as { outcomeNo: string }).outcomeNo,
        queryPassword: expect.any(String),
        token: expect.any(String),
        status: 'awaiting_review',
        statusLabel: '等待实验室审批',
      });
    });
  });

  describe('申请机构: only an approved institution registration (seeds/000 §3.2 须先完成机构登记)', () => {
    const NOT_APPROVED = '该机构的登记尚未通过审核，请选择已通过审核的申请机构';
    const applications = () => count('data_applications');
    const institution = async () => (await postJson<Submitted>(cms.url, '/api/public/institutions', validInstitution())).body.applicationNo;
    const apply = (no: string) => postJson<Submitted>(cms.url, '/api/public/data-applications', validDataApplication(no));

    /** Refused on 申请机构 alone, with `message`, and nothing stored. */
    async function expectRefused(no: string, message: string) {
      const before = await applications();
      const { status, body } = await apply(no);
      expect(status).toBe(400);
      expect(fieldErrors(body)).toEqual({ institution: message });
      expect(await applications()).toBe(before);
    }

    it('refuses an institution still waiting for its stamped form or for review, typed by hand', async () => {
      const waiting = await institution();
      await expectRefused(waiting, NOT_APPROVED);
      await review(cms).transition(waiting, { action: 'upload', actor: '测试' });
      await expectRefused(waiting, NOT_APPROVED);
    });

    it('refuses an institution returned for correction', async () => {
      const returned = await institution();
      await review(cms).transition(returned, { action: 'upload', actor: '测试' });
      await review(cms).transition(returned, { action: 'return', actor: '测试审核员', reason: '英文名有误' });
      await expectRefused(returned, NOT_APPROVED);
    });

    it('refuses a refused institution as it refuses an unknown number', async () => {
      const refused = await institution();
      await review(cms).transition(refused, { action: 'upload', actor: '测试' });
      await review(cms).transition(refused, { action: 'reject', actor: '测试审核员', reason: '非研究机构' });
      await expectRefused(refused, '请选择已登记的申请机构');
    });

    it('accepts an approved institution, and shows its name on the application', async () => {
      const approved = await approvedInstitution(cms, { fullName: '复旦大学' });
      const { status, body } = await apply(approved.applicationNo);
      expect(status).toBe(201);
      const row = await cms.strapi.db.query('api::data-application.data-application').findOne({ where: { recordNo: body.applicationNo } });
      expect(row).toMatchObject({ institution: approved.applicationNo, organisationName: '复旦大学' });
    });
  });

  it('gives 100 concurrent submissions 100 distinct, gap-free numbers', async () => {
    const responses = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        postJson<Submitted>(cms.url, '/api/public/institutions', validInstitution({ fullName: `并发测试机构${i}` })),
      ),
    );
    expect(responses.map((r) => r.status)).toEqual(Array(100).fill(201));
    const sequences = responses.map((r) => Number(r.body.applicationNo.slice(-6))).sort((a, b) => a - b);
    expect(new Set(sequences).size).toBe(100);
    expect((sequences.at(-1) ?? 0) - (sequences[0] ?? 0)).toBe(99);
    const stored = await cms.strapi.db
      .connection('institutions')
      .whereIn(
        'record_no',
        responses.map((r) => r.body.applicationNo),
      )
      .count({ n: '*' });
    expect(Number(stored[0]?.n)).toBe(100);
  }, 120_000);
});
