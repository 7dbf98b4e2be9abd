import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assignRegion, cmPath, type Staff, signInAs } from '../support/admin.ts';
import { gateLinkFor, unitCode, units, validStatistician } from '../support/fixtures.ts';
import { fieldErrors, postJson } from '../support/http.ts';
import { bootCms, createApiToken, type TestCms } from '../support/strapi.ts';

interface Registration {
  registrationNo: string;
  state: string;
  stateLabel: string;
  serviceUnits: Array<{ code: string; name: string; role: string }>;
}
interface History {
  action: string;
  actionLabel: string;
  actor: string;
  reason: string | null;
  toLabel: string;
  changes: Record<string, { from: unknown; to: unknown } | { withheld: true }> | null;
}

describe('a registration after submission: look-up, reopen, resubmit, edit on behalf, remove (§十二)', () => {
  let cms: TestCms;
  let platformToken: string;
  let county: Staff;
  let registrationNo: string;
  let password: string;
  const idNumber = '510104198507150014';

  const gate = async (code: string) =>
    (await (
      await fetch(`${cms.url}/api/direct-report/gate/${code}`, { headers: { authorization: `Bearer ${platformToken}` } })
    ).json()) as {
      allowed: boolean;
    };
  const lookUp = (body: unknown, address = '198.51.100.7') =>
    postJson<{ token: string; registration: Registration }>(cms.url, '/api/public/statisticians/lookup', body, {
      'x-forwarded-for': address,
    });
  const resubmit = (token: string, serviceUnits: unknown) =>
    fetch(`${cms.url}/api/public/statisticians/mine/service-units`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ serviceUnits }),
    });
  const history = async () =>
    (await county.json<{ history: History[] }>('GET', `/bureau-desk/statisticians/${registrationNo}`)).body.history;

  beforeAll(async () => {
    // The test client is the trusted proxy, so X-Forwarded-For names the client as the site would.
    cms = await bootCms('statistician_bureau', { TRUSTED_PROXIES: '127.0.0.1,::1' });
    platformToken = await createApiToken(cms, 'read-only');
    county = await signInAs(cms, 'County bureau', 'county@bureau.example');
    // 辖区分配: the county of the service units (锦江区, digits 3–8 of their credit codes).
    await assignRegion(cms, county.email, '510104');
    const { body } = await postJson<{ registrationNo: string; queryPassword: string }>(
      cms.url,
      '/api/public/statisticians',
      // Through the gate's link for unit 1 (verified); unit 2 is typed by hand.
      validStatistician({ idNumber, serviceUnits: units(2), gateToken: (await gateLinkFor(cms.url, platformToken, unitCode(1))).token }),
    );
    registrationNo = body.registrationNo;
    password = body.queryPassword;
  });
  afterAll(async () => {
    await cms?.stop();
  });

  it('opens the registration with the ID number and the query password, and shows it locked', async () => {
    const { status, body } = await lookUp({ idNumber, password });
    expect(status).toBe(200);
    expect(body.registration).toMatchObject({ registrationNo, state: 'locked', stateLabel: '已提交（锁定）' });
    expect(body.registration.serviceUnits.map((u) => u.code)).toEqual([unitCode(1), unitCode(2)]);
    expect(JSON.stringify(body)).not.toContain('passwordHash');
  });

  it('refuses a locked registration the person tries to change', async () => {
    const { body } = await lookUp({ idNumber, password });
    const response = await resubmit(body.token, units(3));
    expect(response.status).toBe(409);
    expect(((await response.json()) as { error: { message: string } }).error.message).toBe(
      '注册表已锁定，不能修改。如需增加服务单位，请联系当地统计局开放注册表。',
    );
  });

  it('answers a wrong password with 401 and locks the ID out after five failures, across addresses', async () => {
    const other = '11010519491231002X';
    await postJson(cms.url, '/api/public/statisticians', validStatistician({ idNumber: other, serviceUnits: units(1, 50) }));
    const answers = [];
    for (let i = 0; i < 6; i++) answers.push((await lookUp({ idNumber: other, password: 'AAAA-BBBB-CCCC' }, `203.0.113.${i + 1}`)).status);
    expect(answers).toEqual([401, 401, 401, 401, 401, 429]);
    expect((await lookUp({ idNumber: other, password: 'x' }, '203.0.113.99')).status).toBe(429);
  });

  it('checks the look-up answers field by field', async () => {
    const { status, body } = await lookUp({ idNumber: '110105194912310021', password: '' });
    expect(status).toBe(400);
    expect(fieldErrors(body)).toEqual({
      idNumber: '身份证号码的校验位（最后一位）不正确，请核对后重新输入',
      password: '请输入查询密码',
    });
  });

  it('lets the county bureau reopen with a reason, and the person add a unit and resubmit', async () => {
    expect((await county.json('POST', `/bureau-desk/statisticians/${registrationNo}/reopen`, {})).body).toMatchObject({
      error: { details: { fields: { reason: '请填写理由' } } },
    });
    const reopened = await county.json<Registration>('POST', `/bureau-desk/statisticians/${registrationNo}/reopen`, {
      reason: '本人申请增加服务单位',
    });
    expect(reopened.status).toBe(200);
    expect(reopened.body.state).toBe('reopened');
    expect(await gate(unitCode(3))).toMatchObject({ allowed: false });

    const { body } = await lookUp({ idNumber, password });
    const duplicate = await resubmit(body.token, [...units(2), units(1)[0]]);
    expect(duplicate.status).toBe(400);
    expect(fieldErrors(await duplicate.json())).toEqual({ 'serviceUnits.2.code': `统计服务单位 ${unitCode(1)} 重复填写` });

    const saved = await resubmit(body.token, units(3));
    expect(saved.status).toBe(200);
    expect(((await saved.json()) as { registration: Registration }).registration.state).toBe('locked');
    // A unit typed by hand waits for the bureau's 核实 (gate-links.test.ts).
    expect(await gate(unitCode(3))).toMatchObject({ allowed: false });
  });

  it('keeps edits on the person’s behalf in the Content Manager checked and recorded', async () => {
    const entry = (await cms.strapi.db.query('api::statistician.statistician').findOne({ where: { registrationNo } })) as {
      documentId: string;
    };
    const refused = await county.json<{ error: { details: { errors: Array<{ path: string[]; message: string }> } } }>(
      'PUT',
      cmPath('api::statistician.statistician', entry.documentId),
      { phone: '12345' },
    );
    expect(refused.status).toBe(400);
    expect(refused.body.error.details.errors).toEqual([
      expect.objectContaining({ path: ['phone'], message: '请输入11位中国大陆手机号码，如 138 0013 8000' }),
    ]);

    const edited = await county.json('PUT', cmPath('api::statistician.statistician', entry.documentId), {
      phone: '13700137000',
      employer: '成都某某统计服务有限公司',
      locked: false,
    });
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);
    const row = (await cms.strapi.db.query('api::statistician.statistician').findOne({ where: { registrationNo } })) as Record<
      string,
      unknown
    >;
    // The lock changes only through 开放注册表; the edit does not open it.
    expect(row).toMatchObject({ phone: '13700137000', employer: '成都某某统计服务有限公司', locked: true });
  });

  it('gives the bureau a zh-CN Content Manager form it can save: the answers editable, our status hidden and not required', async () => {
    const { status, body } = await county.json<{
      data: {
        contentType: {
          metadatas: Record<string, { list: { label: string }; edit: { label: string; editable: boolean } }>;
          layouts: { list: string[]; edit: Array<Array<{ name: string }>> };
        };
      };
    }>('GET', '/content-manager/content-types/api::statistician.statistician/configuration');
    expect(status).toBe(200);
    const view = body.data.contentType;
    expect(view.layouts.list.map((name) => view.metadatas[name]?.list.label)).toEqual([
      '注册编号',
      '姓名',
      '工作单位',
      '提交时间',
      '已提交（锁定）',
      '注销状态',
    ]);
    expect(view.metadatas.phone?.edit).toEqual(expect.objectContaining({ label: '手机号码', editable: true }));
    expect(view.metadatas.serviceUnits?.edit).toEqual(expect.objectContaining({ label: '统计服务单位情况', editable: true }));
    for (const name of ['registrationNo', 'locked', 'gender', 'birthDate']) expect(view.metadatas[name]?.edit.editable).toBe(false);
    const fields = view.layouts.edit.flat().map((field) => field.name);
    expect(fields).not.toContain('status');
    expect(fields).not.toContain('passwordHash');
    // The admin validates its form against the schema: Strapi 5 shows its draft/publish state under
    // `status`, so a required `status` of ours was always empty there and no edit could be saved.
    const types = await county.json<{ data: Array<{ uid: string; attributes: Record<string, { required?: boolean }> }> }>(
      'GET',
      '/content-manager/content-types',
    );
    const schema = types.body.data.find((type) => type.uid === 'api::statistician.statistician');
    expect(schema?.attributes.status?.required ?? false).toBe(false);
    const record = await county.json<{ fieldLabels: Record<string, string> }>('GET', `/bureau-desk/statisticians/${registrationNo}`);
    expect(record.body.fieldLabels).toMatchObject({ phone: '手机号码', employer: '工作单位' });
  });

  it('removes a registration, which closes the gate, and keeps the whole history with who and when', async () => {
    expect(await gate(unitCode(1))).toMatchObject({ allowed: true });
    await county.json('POST', `/bureau-desk/statisticians/${registrationNo}/remove`, { reason: '已离职' });
    expect(await gate(unitCode(1))).toMatchObject({ allowed: false });
    const events = await history();
    expect(events.map((e) => e.actionLabel)).toEqual(['注册登记', '开放注册表', '本人修改后重新提交', '统计局代为修改', '注销']);
    expect(events[1]).toMatchObject({
      actor: 'County bureau测试 <county@bureau.example>',
      reason: '本人申请增加服务单位',
      toLabel: '已开放注册表，待本人修改',
    });
    expect((events[2]?.changes?.serviceUnits as { to: unknown[] } | undefined)?.to).toHaveLength(3);
    // A personal field's change is kept by name only (lib/history.ts), other fields with their values.
    expect(events[3]?.changes).toEqual({
      phone: { withheld: true },
      employer: { from: '成都某制造有限公司', to: '成都某某统计服务有限公司' },
    });
    expect(events[4]).toMatchObject({ reason: '已离职', toLabel: '已注销' });
  });

  it('does not let a Reviewer or an unsigned caller manage registrations', async () => {
    const reviewer = await signInAs(cms, 'Reviewer', 'reviewer@centre.example');
    expect((await reviewer.json('POST', `/bureau-desk/statisticians/${registrationNo}/reopen`, { reason: 'x' })).status).toBe(403);
    expect((await fetch(`${cms.url}/bureau-desk/statisticians/${registrationNo}`)).status).toBe(401);
  });
});
