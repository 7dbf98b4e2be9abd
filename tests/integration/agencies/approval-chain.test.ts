import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cmPath, type Staff, signInAs } from '../support/admin.ts';
import { ELF, SAMPLE_PDF, SAMPLE_PNG } from '../support/files.ts';
import { inJinjiang, unitCode, validAgency } from '../support/fixtures.ts';
import { fieldErrors } from '../support/http.ts';
import { bootCms, createApiToken, type TestCms } from '../support/strapi.ts';

/** Enterprise `n` of the report below; all in 锦江区, category industry. */
const enterpriseCode = (n: number) => unitCode(n, '91510100MA');
const delegators = [1, 2].map((n) => ({ code: enterpriseCode(n), name: `企业${n}` }));

interface AgencyLookUp {
  token: string;
  agency: {
    status: string;
    statusLabel: string;
    reason: string | null;
    effectiveDate: string | null;
    delegators: Array<{ code: string; name: string }>;
    history: Array<{ actionLabel: string; toLabel: string; reason: string | null; at: string }>;
  } & Record<string, unknown>;
  error: { message: string; details?: { fields?: Record<string, string> } };
}

/** The registration as the site sends it: answers as JSON in `data`, then each document. */
function registrationForm(answers: unknown, files: Record<string, Buffer | undefined>) {
  const form = new FormData();
  form.append('data', JSON.stringify(answers));
  for (const [name, bytes] of Object.entries(files)) if (bytes) form.append(name, new Blob([new Uint8Array(bytes)]), `${name}.pdf`);
  return form;
}
const allDocuments = { businessLicence: SAMPLE_PDF, legalPersonCertificate: SAMPLE_PNG, 'letter.0': SAMPLE_PDF, 'letter.1': SAMPLE_PDF };

describe('agent agencies: registration with documents, county → city → province, delegations in the report (§七)', () => {
  let cms: TestCms;
  let platformToken: string;
  let county: Staff;
  let city: Staff;
  let province: Staff;
  const register = async (answers: unknown, files: Record<string, Buffer | undefined>) => {
    const response = await fetch(`${cms.url}/api/public/agencies`, { method: 'POST', body: registrationForm(answers, files) });
    return {
      status: response.status,
      body: (await response.json()) as Record<string, unknown> & { registrationNo: string; queryPassword: string },
    };
  };
  /** The agency's own status look-up, as the site asks it for a visitor at `address`. */
  const lookUp = async (registrationNo: string, password: string, address = '198.51.100.7') => {
    const response = await fetch(`${cms.url}/api/public/agencies/lookup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': address },
      body: JSON.stringify({ registrationNo, password }),
    });
    return { status: response.status, body: (await response.json()) as AgencyLookUp };
  };
  const report = async () =>
    (await (
      await fetch(`${cms.url}/api/direct-report/reports/2026-10`, { headers: { authorization: `Bearer ${platformToken}` } })
    ).json()) as {
      totals: { initialDirect: number };
      enterprises: Array<{ code: string; reason: string; delegated: boolean }>;
    };

  const assign = (adminEmail: string, regionCode: string) =>
    cms.strapi.documents('api::jurisdiction.jurisdiction').create({ data: { adminEmail, regionCode } as never });

  beforeAll(async () => {
    cms = await bootCms('agency_chain');
    platformToken = await createApiToken(cms, 'full-access');
    [county, city, province] = await Promise.all([
      signInAs(cms, 'County bureau', 'county@bureau.example'),
      signInAs(cms, 'City bureau', 'city@bureau.example'),
      signInAs(cms, 'Province collection centre', 'province@bureau.example'),
    ]);
    // 辖区分配: the agency below registers in 武侯区 (510107) of 成都市 (510100).
    await assign('county@bureau.example', '510107');
    await assign('City@Bureau.example', '510100');
    await cms.strapi.documents('api::reporting-period.reporting-period').create({
      data: { code: '2026-10', type: 'monthly', opensAt: '2026-11-01T00:00:00+08:00', closesAt: '2026-11-11T00:00:00+08:00' } as never,
    });
    // Six enterprises reach the platform through one business-park address: more than five, so none is direct.
    const master = [1, 2, 3, 4, 5, 6].map((n) => inJinjiang(enterpriseCode(n), `企业${n}`));
    const json = { authorization: `Bearer ${platformToken}`, 'content-type': 'application/json' };
    await fetch(`${cms.url}/api/direct-report/enterprises`, { method: 'PUT', headers: json, body: JSON.stringify(master) });
    const logins = master.map((e, i) => ({
      account: `${i}-1`,
      enterpriseCode: e.code,
      accountKind: 'enterprise',
      ip: '10.9.9.9',
      at: '2026-11-03T09:00:00+08:00',
    }));
    await fetch(`${cms.url}/api/direct-report/login-events`, { method: 'POST', headers: json, body: JSON.stringify(logins) });
  });
  afterAll(async () => {
    await cms?.stop();
  });

  it('refuses a registration with a missing letter, a disguised executable or a bad answer, storing nothing', async () => {
    const missing = await register(validAgency(delegators), { ...allDocuments, 'letter.1': undefined });
    expect(missing.status).toBe(400);
    expect(fieldErrors(missing.body)).toEqual({ 'letter.1': '请上传企业2的委托书' });

    const executable = await register(validAgency(delegators), { ...allDocuments, businessLicence: ELF });
    expect(fieldErrors(executable.body)).toEqual({ businessLicence: '只能上传PDF、JPG或PNG格式的扫描件' });

    const twice = await register(validAgency([...delegators, delegators[0] as { code: string; name: string }]), allDocuments);
    expect(fieldErrors(twice.body)).toEqual({ 'delegators.2.code': `委托企业 ${enterpriseCode(1)} 重复填写` });

    expect(await cms.strapi.db.query('api::agency.agency').count({})).toBe(0);
    expect(await cms.strapi.db.query('api::attachment.attachment').count({})).toBe(0);
  });

  it('goes county → city → province; each level decides only its own step; the delegation changes the report', async () => {
    const { status, body } = await register(validAgency(delegators), allDocuments);
    expect(status).toBe(201);
    expect(body).toMatchObject({
      registrationNo: expect.stringMatching(/^DL-\d{4}-\d{6}$/),
      status: 'county_review',
      statusLabel: '待县区统计局审核',
    });
    const no = body.registrationNo;
    expect((await report()).totals.initialDirect).toBe(0);

    const seen = await county.json<{ documents: Array<{ purpose: string }>; canDecide: boolean; level: string }>(
      'GET',
      `/bureau-desk/agencies/${no}`,
    );
    expect(seen.body).toMatchObject({ canDecide: true, level: 'county', agency: { countyCode: '510107', countyName: '成都市 武侯区' } });
    expect(JSON.stringify(seen.body)).not.toMatch(/passwordHash|scrypt/);
    // Each enterprise names its letter among the documents, for the panel to put them side by side.
    expect((seen.body as unknown as { agency: { delegators: Array<{ letter: string }> } }).agency.delegators.map((d) => d.letter)).toEqual([
      'letter.0',
      'letter.1',
    ]);
    expect(seen.body.documents.map((d) => d.purpose)).toEqual(['businessLicence', 'legalPersonCertificate', 'letter.0', 'letter.1']);
    const letter = await county.call('GET', `/bureau-desk/agencies/${no}/documents/letter.1`);
    expect(letter.headers.get('x-content-type-options')).toBe('nosniff');
    expect(Buffer.from(await letter.arrayBuffer()).equals(SAMPLE_PDF)).toBe(true);

    expect((await city.json('POST', `/bureau-desk/agencies/${no}/decisions`, { decision: 'approve' })).status).toBe(403);
    expect((await county.json('POST', `/bureau-desk/agencies/${no}/decisions`, { decision: 'approve' })).status).toBe(200);
    expect((await county.json('POST', `/bureau-desk/agencies/${no}/decisions`, { decision: 'approve' })).status).toBe(403);
    expect((await city.json('POST', `/bureau-desk/agencies/${no}/decisions`, { decision: 'approve' })).status).toBe(200);

    const undated = await province.json('POST', `/bureau-desk/agencies/${no}/decisions`, { decision: 'approve' });
    expect(undated.status).toBe(400);
    expect(fieldErrors(undated.body)).toEqual({ effectiveDate: '请填写委托生效日期' });
    expect(
      (await province.json('POST', `/bureau-desk/agencies/${no}/decisions`, { decision: 'approve', effectiveDate: '2026-10-01' })).status,
    ).toBe(200);

    const delegations = await cms.strapi.db.query('api::delegation.delegation').findMany({ where: { agencyNo: no } });
    expect(delegations.map((d: { enterpriseCode: string }) => d.enterpriseCode).sort()).toEqual(delegators.map((d) => d.code).sort());
    // The two delegated enterprises count as direct and leave the park's count: 4 remain, ≤ 5, so all six are direct.
    const after = await report();
    expect(after.totals.initialDirect).toBe(6);
    expect(after.enterprises.find((e) => e.code === enterpriseCode(1))).toMatchObject({ delegated: true, reason: 'delegated' });

    const history = await province.json<{ history: Array<{ actionLabel: string; toLabel: string; actor: string }> }>(
      'GET',
      `/bureau-desk/agencies/${no}`,
    );
    expect(history.body.history.map((e) => `${e.actionLabel}→${e.toLabel}`)).toEqual([
      '提交登记→待县区统计局审核',
      '县区审核通过→待市州统计局审批',
      '市州审批通过→待省数据采集中心确认',
      '省数据采集中心确认→已确认生效',
    ]);
    expect(history.body.history[3]?.actor).toContain('province@bureau.example');

    // The agency reads where it stands with the password it was shown once: not who decided.
    expect(body.queryPassword).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{2,4}$/);
    const own = await lookUp(no.toLowerCase(), body.queryPassword.toLowerCase().replaceAll('-', ' '));
    expect(own.status).toBe(200);
    expect(own.body.agency).toMatchObject({
      status: 'confirmed',
      statusLabel: '已确认生效',
      effectiveDate: '2026-10-01',
      reason: null,
      delegators,
    });
    expect(own.body.agency.history.map((e) => e.toLabel)).toEqual([
      '待县区统计局审核',
      '待市州统计局审批',
      '待省数据采集中心确认',
      '已确认生效',
    ]);
    expect(JSON.stringify(own.body)).not.toMatch(/bureau\.example|passwordHash|contactPhone/);
    const again = await fetch(`${cms.url}/api/public/agencies/mine`, { headers: { authorization: `Bearer ${own.body.token}` } });
    expect(((await again.json()) as AgencyLookUp).agency.status).toBe('confirmed');
  });

  it('lets any level refuse with a reason, which ends the chain without delegations', async () => {
    const { body } = await register(validAgency([{ code: enterpriseCode(3), name: '企业3' }]), {
      businessLicence: SAMPLE_PDF,
      legalPersonCertificate: SAMPLE_PDF,
      'letter.0': SAMPLE_PNG,
    });
    const no = body.registrationNo;
    await county.json('POST', `/bureau-desk/agencies/${no}/decisions`, { decision: 'approve' });
    const unexplained = await city.json('POST', `/bureau-desk/agencies/${no}/decisions`, { decision: 'reject' });
    expect(fieldErrors(unexplained.body)).toEqual({ reason: '请填写不通过的理由' });
    expect(
      (await city.json('POST', `/bureau-desk/agencies/${no}/decisions`, { decision: 'reject', reason: '委托书未加盖公章' })).status,
    ).toBe(200);
    const record = await city.json<{ agency: { status: string; reviewReason: string }; canDecide: boolean }>(
      'GET',
      `/bureau-desk/agencies/${no}`,
    );
    expect(record.body).toMatchObject({ agency: { status: 'rejected', reviewReason: '委托书未加盖公章' }, canDecide: false });
    expect(await cms.strapi.db.query('api::delegation.delegation').count({ where: { agencyNo: no } })).toBe(0);
    const late = await province.json<{ error: { message: string } }>('POST', `/bureau-desk/agencies/${no}/decisions`, {
      decision: 'approve',
      effectiveDate: '2026-10-01',
    });
    expect(late).toMatchObject({ status: 409, body: { error: { message: '当前状态为“未通过”，审核已经结束' } } });

    const own = await lookUp(no, body.queryPassword);
    expect(own.body.agency).toMatchObject({ status: 'rejected', statusLabel: '未通过', reason: '委托书未加盖公章', effectiveDate: null });
    expect(own.body.agency.history.at(-1)).toMatchObject({ actionLabel: '不通过', reason: '委托书未加盖公章' });
  });

  it('opens a status only to its number and password, says why a look-up failed, and stops guessing (429)', async () => {
    const { body } = await register(validAgency([{ code: enterpriseCode(5), name: '企业5' }]), {
      businessLicence: SAMPLE_PDF,
      legalPersonCertificate: SAMPLE_PDF,
      'letter.0': SAMPLE_PDF,
    });
    const blank = await lookUp('DL-26-1', '');
    expect(blank.status).toBe(400);
    expect(blank.body.error.details?.fields).toEqual({ registrationNo: '请输入登记编号，如 DL-2026-000001', password: '请输入查询密码' });
    // A wrong password and an unknown number read alike.
    const unknown = await lookUp('DL-2026-999999', body.queryPassword, '198.51.100.8');
    const wrong = await lookUp(body.registrationNo, 'AAAA-BBBB-CCCC', '198.51.100.8');
    expect([unknown.status, unknown.body.error.message]).toEqual([401, '登记编号或查询密码不正确']);
    expect([wrong.status, wrong.body.error.message]).toEqual([401, '登记编号或查询密码不正确']);
    // Five failures on one number, from any addresses, close it for a while, even to the right password.
    for (const n of [1, 2, 3, 4]) expect((await lookUp(body.registrationNo, 'AAAA-BBBB-CCCC', `203.0.113.${n}`)).status).toBe(401);
    expect((await lookUp(body.registrationNo, body.queryPassword, '203.0.113.9')).status).toBe(429);
    expect((await fetch(`${cms.url}/api/public/agencies/mine`)).status).toBe(401);
  });

  it('shows reviewers a zh-CN, read-only Content Manager view whose status is our review status, not draft/publish', async () => {
    const { status, body } = await county.json<{
      data: {
        contentType: {
          settings: { mainField: string };
          metadatas: Record<string, { list: { label: string }; edit: { label: string; editable: boolean } }>;
          layouts: { list: string[]; edit: Array<Array<{ name: string }>> };
        };
      };
    }>('GET', '/content-manager/content-types/api::agency.agency/configuration');
    expect(status).toBe(200);
    const view = body.data.contentType;
    expect(view.settings.mainField).toBe('registrationNo');
    expect(view.layouts.list).toEqual(['registrationNo', 'agencyName', 'countyCode', 'submittedAt', 'reviewedAt']);
    expect(view.layouts.list.map((name) => view.metadatas[name]?.list.label)).toEqual([
      '登记编号',
      '代理机构名称',
      '所在县（市、区）',
      '提交时间',
      '审核时间',
    ]);
    expect(view.metadatas.delegators?.edit).toMatchObject({ label: '委托企业', editable: false });
    const editable = view.layouts.edit.flat().map((field) => field.name);
    expect(editable).toContain('agencyName');
    expect(editable).not.toContain('status');
    expect(editable).not.toContain('passwordHash');
    // Shown by the 审核 panel, each enterprise beside its letter, not as a JSON editor.
    expect(editable).not.toContain('delegators');
  });

  it('assigns only a 辖区 of the GB/T 2260 list of Sichuan to an existing admin user, named from the list (辖区分配)', async () => {
    await signInAs(cms, 'County bureau', 'xindu@bureau.example');
    // A mistyped account would silently leave the officer with an empty list.
    await expect(assign('xindu@bureau.exmaple', '510114')).rejects.toThrow('没有邮箱为 xindu@bureau.exmaple 的管理员账号，请从列表中选择');
    await expect(assign('xindu@bureau.example', '510199')).rejects.toThrow(
      '辖区代码 510199 不是四川省或其市州、县区的行政区划代码（GB/T 2260）',
    );
    await expect(assign('xindu@bureau.example', '110101')).rejects.toThrow(
      '辖区代码 110101 不是四川省或其市州、县区的行政区划代码（GB/T 2260）',
    );
    const xindu = (await assign('xindu@bureau.example', '510114')) as unknown as { regionName: string };
    expect(xindu.regionName).toBe('成都市 新都区');
    expect(await cms.strapi.db.query('api::jurisdiction.jurisdiction').count({ where: { adminEmail: { $endsWith: 'exmaple' } } })).toBe(0);
  });

  it('keeps county and city bureaus to their own region, on the desk and in the Content Manager list (§七)', async () => {
    const [neighbour, otherCity, unassigned] = await Promise.all([
      signInAs(cms, 'County bureau', 'jinjiang@bureau.example'),
      signInAs(cms, 'City bureau', 'zigong@bureau.example'),
      signInAs(cms, 'County bureau', 'new@bureau.example'),
    ]);
    await assign('jinjiang@bureau.example', '510104');
    await assign('zigong@bureau.example', '510300');
    const { body } = await register(validAgency([{ code: enterpriseCode(4), name: '企业4' }]), {
      businessLicence: SAMPLE_PDF,
      legalPersonCertificate: SAMPLE_PDF,
      'letter.0': SAMPLE_PDF,
    });
    const no = body.registrationNo;
    const outside = { status: 403, body: { error: { message: '该代理机构不在您的辖区内' } } };
    expect(await neighbour.json('GET', `/bureau-desk/agencies/${no}`)).toMatchObject(outside);
    expect(await neighbour.json('POST', `/bureau-desk/agencies/${no}/decisions`, { decision: 'approve' })).toMatchObject(outside);
    expect((await neighbour.call('GET', `/bureau-desk/agencies/${no}/documents/businessLicence`)).status).toBe(403);
    expect(await unassigned.json('GET', `/bureau-desk/agencies/${no}`)).toMatchObject({
      status: 403,
      body: { error: { message: '您的账号尚未分配辖区，请联系系统管理员在“辖区分配”中设置' } },
    });

    const listed = async (staff: Staff) =>
      (await staff.json<{ results: Array<{ registrationNo: string }> }>('GET', cmPath('api::agency.agency'))).body.results.map(
        (agency) => agency.registrationNo,
      );
    expect(await listed(neighbour)).toEqual([]);
    expect(await listed(otherCity)).toEqual([]);
    expect(await listed(unassigned)).toEqual([]);
    for (const staff of [county, city, province]) expect(await listed(staff)).toContain(no);
    const { documentId } = await cms.strapi.db.query('api::agency.agency').findOne({ where: { registrationNo: no } });
    expect((await neighbour.call('GET', cmPath('api::agency.agency', documentId))).status).toBe(403);
    expect((await county.call('GET', cmPath('api::agency.agency', documentId))).status).toBe(200);

    expect((await county.json('POST', `/bureau-desk/agencies/${no}/decisions`, { decision: 'approve' })).status).toBe(200);
  });
});
