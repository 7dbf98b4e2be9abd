import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gateLinkFor, validStatistician as registration, unitCode, units } from '../support/fixtures.ts';
import { fieldErrors, postJson } from '../support/http.ts';
import { bootCms, createApiToken, type TestCms } from '../support/strapi.ts';

describe('statistics staff registration and the reporting gate', () => {
  let cms: TestCms;
  let token: string;
  const gate = async (code: string) =>
    (await fetch(`${cms.url}/api/direct-report/gate/${code}`, { headers: { authorization: `Bearer ${token}` } })).json() as Promise<{
      allowed: boolean;
      registeredStatisticians: number;
      message: string;
    }>;

  beforeAll(async () => {
    cms = await bootCms('statistics_staff');
    token = await createApiToken(cms, 'read-only');
  });
  afterAll(async () => {
    await cms?.stop();
  });

  it('answers the gate for an enterprise with no statistician: registration first (§十), with its link', async () => {
    expect(await gate(unitCode(1))).toEqual({
      allowed: false,
      registeredStatisticians: 0,
      message: '本企业尚无已注册登记的统计人员。请先在统计从业人员注册登记系统注册后再报表。',
      registrationLink: expect.objectContaining({ url: expect.stringContaining('/statisticians/register?gate=') }),
    });
  });

  it('registers once with a number and a password, deriving gender and birth date from the ID', async () => {
    const { status, body } = await postJson<{ registrationNo: string; queryPassword: string }>(
      cms.url,
      '/api/public/statisticians',
      registration({ gateToken: (await gateLinkFor(cms.url, token, unitCode(2))).token }),
    );
    expect(status).toBe(201);
    expect(body.registrationNo).toMatch(/^TJ-\d{4}-\d{6}$/);
    expect(body.queryPassword).toMatch(/^[2-9A-HJKMNP-Z]{4}-/);
    const row = await cms.strapi.db.query('api::statistician.statistician').findOne({ where: { registrationNo: body.registrationNo } });
    expect(row).toMatchObject({ gender: 'female', birthDate: '1949-12-31', locked: true, status: 'active' });
    expect(await gate(unitCode(2))).toMatchObject({ allowed: true, registeredStatisticians: 1 });
  });

  it('refuses a second registration of the same ID with 409 and the advice of §十二', async () => {
    const { status, body } = await postJson(cms.url, '/api/public/statisticians', registration({ name: '王芳二', serviceUnits: units(1) }));
    expect(status).toBe(409);
    expect(fieldErrors(body).idNumber).toBe(
      '该身份证号码已注册登记，每人只能注册一次。请到“注册信息查询”凭身份证号码和查询密码查看原注册表；注册表提交后即锁定，如需增加服务单位，请联系当地统计局开放注册表后再增加。',
    );
  });

  it.each([
    ['a wrong check digit', { idNumber: '110105194912310021' }, 'idNumber', '身份证号码的校验位（最后一位）不正确，请核对后重新输入'],
    ['31 service units', { serviceUnits: units(31) }, 'serviceUnits', '请填写1至30个统计服务单位'],
    ['no service unit', { serviceUnits: [] }, 'serviceUnits', '请填写1至30个统计服务单位'],
    // Row problems are reported on the cell, the name the form posts it under.
    ['a unit twice', { serviceUnits: [...units(2), units(1)[0]] }, 'serviceUnits.2.code', `统计服务单位 ${unitCode(1)} 重复填写`],
    ['a unit without its role', { serviceUnits: [{ code: unitCode(1), name: '某单位' }] }, 'serviceUnits.0.role', '请选择承担的工作'],
    [
      'a unit with a bad code',
      { serviceUnits: [{ code: '91510104MA00000011', name: 'x', role: 'comprehensive' }] },
      'serviceUnits.0.code',
      '统一社会信用代码的校验码（最后一位）不正确，请核对后重新输入',
    ],
  ])('refuses %s with its message', async (_case, overrides, field, message) => {
    const { status, body } = await postJson(
      cms.url,
      '/api/public/statisticians',
      registration({ idNumber: '110101199003074477', ...overrides }),
    );
    expect(status).toBe(400);
    expect(fieldErrors(body)[field]).toBe(message);
  });

  it('accepts exactly 30 units, and no longer lets a removed statistician open the gate', async () => {
    const { status, body } = await postJson<{ registrationNo: string }>(
      cms.url,
      '/api/public/statisticians',
      registration({
        idNumber: '110101199003074477',
        name: '李明',
        serviceUnits: units(30),
        gateToken: (await gateLinkFor(cms.url, token, unitCode(30))).token,
      }),
    );
    expect(status).toBe(201);
    expect(await gate(unitCode(30))).toMatchObject({ allowed: true, registeredStatisticians: 1 });
    await cms.strapi.db
      .query('api::statistician.statistician')
      .update({ where: { registrationNo: body.registrationNo }, data: { status: 'removed' } });
    expect(await gate(unitCode(30))).toMatchObject({ allowed: false });
    expect(await gate(unitCode(2))).toMatchObject({ allowed: true, registeredStatisticians: 2 - 1 });
  });

  it('gives concurrent registrations of one ID exactly one success', async () => {
    const answers = await Promise.all(
      Array.from({ length: 5 }, () =>
        postJson(cms.url, '/api/public/statisticians', registration({ idNumber: '510105198001010010', serviceUnits: units(1) })),
      ),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([201, 409, 409, 409, 409]);
    expect(await cms.strapi.db.query('api::statistician.statistician').count({ where: { idNumber: '510105198001010010' } })).toBe(1);
  });

  it('follows a bulk import made in the database by anyone, one notice per statement (small and "re-count all")', async () => {
    const importRows = async (from: number, count: number) => {
      const db = new pg.Client({ connectionString: cms.databaseUrl });
      await db.connect();
      try {
        await db.query(
          `insert into statisticians (document_id, registration_no, status, locked, name, id_number, gender, birth_date, phone, education, qualification, employer, registered_by, service_units, submitted_at, created_at, updated_at, published_at)
           select 'import' || s, 'TJ-2099-' || lpad(s::text, 6, '0'), 'active', true, '导入', 'IMPORT' || s, 'male', '1990-01-01', '13800000000', '本科', '统计师', '导入单位', 'self',
             jsonb_build_array(jsonb_build_object('code', 'IMPORTED' || s, 'name', '单位', 'role', 'specialised', 'verified', true)), now(), now(), now(), now()
           from generate_series($1::int, $1::int + $2::int - 1) s`,
          [from, count],
        );
      } finally {
        await db.end();
      }
    };
    const eventually = async (code: string) => {
      for (let tries = 0; tries < 50 && !(await gate(code)).allowed; tries++) await new Promise((r) => setTimeout(r, 100));
      return gate(code);
    };
    await importRows(1, 3);
    expect(await eventually('IMPORTED3')).toMatchObject({ allowed: true, registeredStatisticians: 1 });
    // 1 000 codes do not fit in one notice (8 000 bytes): every instance re-counts everything.
    await importRows(100, 1000);
    expect(await eventually('IMPORTED1099')).toMatchObject({ allowed: true, registeredStatisticians: 1 });
    expect(await gate('IMPORTED2')).toMatchObject({ allowed: true });
  });

  describe('who may ask the gate', () => {
    const ask = (code: string, authorization?: string) =>
      fetch(`${cms.url}/api/direct-report/gate/${code}`, { headers: authorization ? { authorization } : {} });

    it('answers a read-only token with an uncacheable, unsniffable JSON answer', async () => {
      const response = await ask(unitCode(2), `Bearer ${token}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^application\/json/);
      expect(response.headers.get('cache-control')).toBe('no-store');
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(await response.json()).toMatchObject({ allowed: true });
    });

    it('refuses a caller with no API token or an unknown one (401), with no answer', async () => {
      for (const [authorization, status] of [
        [undefined, 401],
        ['Bearer not-a-token', 401],
        ['Basic abc', 401],
      ] as const) {
        const response = await ask(unitCode(2), authorization);
        expect(response.status).toBe(status);
        expect(await response.text()).not.toContain('allowed');
      }
    });

    it('answers a custom token only when it holds the gate permission', async () => {
      const without = await createApiToken(cms, 'custom', ['api::statistician.statistician.register']);
      expect((await ask(unitCode(2), `Bearer ${without}`)).status).toBe(403);
      const holder = await createApiToken(cms, 'custom', ['api::statistician.statistician.findOne']);
      const response = await ask(unitCode(2), `Bearer ${holder}`);
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({ allowed: true, registeredStatisticians: 1 });
    });

    it('reads the enterprise code as the platform may send it, and refuses a malformed one without a 5xx', async () => {
      expect(await (await ask(encodeURIComponent(` ${unitCode(2).toLowerCase()} `), `Bearer ${token}`)).json()).toMatchObject({
        allowed: true,
      });
      expect((await ask('%zz', `Bearer ${token}`)).status).toBeLessThan(500);
    });
  });
});
