import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validStatistician as registration, unitCode, units } from '../support/fixtures.ts';
import { fieldErrors, postJson } from '../support/http.ts';
import { bootCms, type TestCms } from '../support/strapi.ts';

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
    const tokens = cms.strapi.service('admin::api-token') as { create(attributes: object): Promise<{ accessKey: string }> };
    token = (await tokens.create({ name: 'platform', type: 'read-only', lifespan: null, description: '' })).accessKey;
  });
  afterAll(async () => {
    await cms?.stop();
  });

  it('answers the gate for an enterprise with no statistician: registration first (§十)', async () => {
    expect(await gate(unitCode(1))).toEqual({
      allowed: false,
      registeredStatisticians: 0,
      message: '本企业尚无已注册登记的统计人员。请先在统计从业人员注册登记系统注册后再报表。',
    });
  });

  it('registers once with a number and a password, deriving gender and birth date from the ID', async () => {
    const { status, body } = await postJson<{ registrationNo: string; queryPassword: string }>(
      cms.url,
      '/api/public/statisticians',
      registration(),
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
    expect(fieldErrors(body).idNumber).toContain('每人只能注册一次：如需增加服务单位，请在原注册表的“统计服务单位情况”中增加');
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
      registration({ idNumber: '110101199003074477', name: '李明', serviceUnits: units(30) }),
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
});
