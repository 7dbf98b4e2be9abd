import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assignRegion, type Staff, signInAs } from '../support/admin.ts';
import { gateLinkFor, unitCode, units, validStatistician } from '../support/fixtures.ts';
import { fieldErrors, postJson } from '../support/http.ts';
import { bootCms, createApiToken, type TestCms } from '../support/strapi.ts';

interface Registration {
  registrationNo: string;
  name: string;
  idNumber: string;
  phone: string;
  employer: string;
  qualification: string;
  state: string;
  serviceUnits: Array<{ code: string; verified: boolean }>;
}
interface History {
  action: string;
  actionLabel: string;
  actor: string;
  reason: string | null;
  changes: Record<string, unknown> | null;
}

/** seeds/004 §十二–§十三: a registration changed after submission, removed and registered again, a lost password replaced. */
describe('changing a registration: every answer once reopened, again after 注销, a new query password', () => {
  let cms: TestCms;
  let platformToken: string;
  let county: Staff;
  const idNumber = '510104199202020029';
  const lookUp = (password: string, id = idNumber) =>
    postJson<{ token: string; registration: Registration }>(cms.url, '/api/public/statisticians/lookup', { idNumber: id, password });
  const resubmit = async (token: string, body: unknown) => {
    const response = await fetch(`${cms.url}/api/public/statisticians/mine`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as { registration: Registration } };
  };
  const desk = (no: string, action: string, body: unknown) => county.json('POST', `/bureau-desk/statisticians/${no}/${action}`, body);
  const history = async (no: string) => (await county.json<{ history: History[] }>('GET', `/bureau-desk/statisticians/${no}`)).body.history;
  const gate = async (code: string) =>
    (await (
      await fetch(`${cms.url}/api/direct-report/gate/${code}`, { headers: { authorization: `Bearer ${platformToken}` } })
    ).json()) as {
      allowed: boolean;
    };

  beforeAll(async () => {
    cms = await bootCms('registration_changes');
    platformToken = await createApiToken(cms, 'read-only');
    county = await signInAs(cms, 'County bureau', 'county-changes@bureau.example');
    await assignRegion(cms, county.email, '510104');
  });
  afterAll(async () => {
    await cms?.stop();
  });

  it('lets the person change every answer of a reopened registration but the ID number, keeping verified units verified', async () => {
    const { token: link } = await gateLinkFor(cms.url, platformToken, unitCode(1));
    const registered = await postJson<{ registrationNo: string; queryPassword: string }>(
      cms.url,
      '/api/public/statisticians',
      validStatistician({ idNumber, serviceUnits: units(1), gateToken: link }),
    );
    const no = registered.body.registrationNo;
    const { body: opened } = await lookUp(registered.body.queryPassword);
    const answers = { ...validStatistician({ idNumber }), serviceUnits: units(2) };
    expect((await resubmit(opened.token, answers)).status).toBe(409);

    await desk(no, 'reopen', { reason: '本人申请修改注册内容' });
    const invalid = await resubmit(opened.token, { ...answers, phone: '12345' });
    expect(invalid.status).toBe(400);
    expect(fieldErrors(invalid.body).phone).toBe('请输入11位中国大陆手机号码，如 138 0013 8000');

    const changed = await resubmit(opened.token, {
      ...answers,
      name: '王芳芳',
      phone: '13700137000',
      employer: '成都另一公司',
      qualification: '高级统计师',
      idNumber: '11010519491231002X',
    });
    expect(changed.status).toBe(200);
    expect(changed.body.registration).toMatchObject({
      name: '王芳芳',
      phone: '13700137000',
      employer: '成都另一公司',
      qualification: '高级统计师',
      idNumber,
      state: 'locked',
      serviceUnits: [
        { code: unitCode(1), verified: true },
        { code: unitCode(2), verified: false },
      ],
    });
    expect(await gate(unitCode(1))).toMatchObject({ allowed: true });
    expect(await gate(unitCode(2))).toMatchObject({ allowed: false });
    const resubmitted = (await history(no)).find((e) => e.action === 'resubmit');
    expect(Object.keys(resubmitted?.changes ?? {}).sort()).toEqual(['employer', 'name', 'phone', 'qualification', 'serviceUnits']);
  });

  it('resets a lost query password once, shown to the officer, recorded without it; the old one stops working', async () => {
    const { body } = await postJson<{ registrationNo: string; queryPassword: string }>(
      cms.url,
      '/api/public/statisticians',
      validStatistician({ idNumber: '510104199303030031', serviceUnits: units(1, 20) }),
    );
    const noReason = await desk(body.registrationNo, 'reset-password', {});
    expect(noReason.status).toBe(400);
    expect(fieldErrors(noReason.body).reason).toBe('请填写理由');

    const reset = await county.json<{ queryPassword: string; registration: { registrationNo: string } }>(
      'POST',
      `/bureau-desk/statisticians/${body.registrationNo}/reset-password`,
      { reason: '本人遗失查询密码，已核对身份证' },
    );
    expect(reset.status).toBe(200);
    expect(reset.body.queryPassword).toMatch(/^[2-9A-HJKMNP-Z]{4}-/);
    expect(reset.body.queryPassword).not.toBe(body.queryPassword);
    expect((await lookUp(body.queryPassword, '510104199303030031')).status).toBe(401);
    expect((await lookUp(reset.body.queryPassword, '510104199303030031')).status).toBe(200);
    const event = (await history(body.registrationNo)).at(-1);
    expect(event).toMatchObject({ action: 'reset_password', actionLabel: '统计局重置查询密码', reason: '本人遗失查询密码，已核对身份证' });
    expect(JSON.stringify(event)).not.toContain(reset.body.queryPassword);
  });

  it('lets a person removed (注销) register again with the same ID, keeping the earlier registration and its history', async () => {
    const earlier = (await cms.strapi.db.query('api::statistician.statistician').findOne({ where: { idNumber } })) as {
      registrationNo: string;
    };
    const twice = await postJson(cms.url, '/api/public/statisticians', validStatistician({ idNumber, serviceUnits: units(1, 30) }));
    expect(twice.status).toBe(409);

    expect((await desk(earlier.registrationNo, 'remove', { reason: '已离职' })).status).toBe(200);
    const again = await postJson<{ registrationNo: string; queryPassword: string }>(
      cms.url,
      '/api/public/statisticians',
      validStatistician({ idNumber, serviceUnits: units(1, 30) }),
    );
    expect(again.status).toBe(201);
    expect(again.body.registrationNo).not.toBe(earlier.registrationNo);
    // The look-up opens the active registration; the removed one stays, with its history.
    expect((await lookUp(again.body.queryPassword)).body.registration.registrationNo).toBe(again.body.registrationNo);
    expect((await history(earlier.registrationNo)).map((e) => e.action)).toEqual(['register', 'reopen', 'resubmit', 'remove']);
    expect(await cms.strapi.db.query('api::statistician.statistician').count({ where: { idNumber } })).toBe(2);
    expect(await gate(unitCode(1))).toMatchObject({ allowed: false });

    const third = await postJson(cms.url, '/api/public/statisticians', validStatistician({ idNumber, serviceUnits: units(1, 31) }));
    expect(third.status).toBe(409);
  });
});
