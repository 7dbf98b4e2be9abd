import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assignRegion, cmPath, type Staff, signInAs } from '../support/admin.ts';
import { type AgencyFile, agencyMultipart as multipart, delegatorWorkbook as workbook } from '../support/agencies.ts';
import { SAMPLE_PDF, SAMPLE_PNG } from '../support/files.ts';
import { inJinjiang, unitCode, validAgency } from '../support/fixtures.ts';
import { fieldErrors } from '../support/http.ts';
import { bootCms, createApiToken, type TestCms } from '../support/strapi.ts';

const PILOT = 'api::agency-pilot.agency-pilot';
const enterpriseCode = (n: number) => unitCode(n, '91510100MA');
const scans = { businessLicence: SAMPLE_PDF, legalPersonCertificate: SAMPLE_PNG };

describe('agencies as seeds/004 §七 describes: pilots, the list as a file, resubmission, each level reads those below', () => {
  let cms: TestCms;
  let county: Staff;
  let city: Staff;
  let province: Staff;
  const post = async (path: string, form: FormData, token?: string) => {
    const response = await fetch(`${cms.url}${path}`, {
      method: 'POST',
      body: form,
      ...(token && { headers: { authorization: `Bearer ${token}` } }),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> & Record<string, never> };
  };
  const register = (answers: unknown, files: Record<string, AgencyFile>) => post('/api/public/agencies', multipart(answers, files));
  const tokenFor = async (registrationNo: string, password: string) => {
    const response = await fetch(`${cms.url}/api/public/agencies/lookup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ registrationNo, password }),
    });
    return ((await response.json()) as { token: string }).token;
  };
  type Record_ = {
    agency: { status: string; delegators: Array<{ code: string; letter: string; listed: boolean; known: boolean }> };
    decisions: Array<{ levelLabel: string; actionLabel: string; actor: string; reason: string | null }>;
    documents: Array<{ purpose: string; fileName: string }>;
    canDecide: boolean;
  };
  const recordAs = async (staff: Staff, no: string) => (await staff.json<Record_>('GET', `/bureau-desk/agencies/${no}`)).body;
  const decide = (staff: Staff, no: string, decision: Record<string, string>) =>
    staff.json('POST', `/bureau-desk/agencies/${no}/decisions`, decision);

  beforeAll(async () => {
    cms = await bootCms('agency_pilots');
    const platformToken = await createApiToken(cms, 'full-access');
    [county, city, province] = await Promise.all([
      signInAs(cms, 'County bureau', 'county@pilot.example'),
      signInAs(cms, 'City bureau', 'city@pilot.example'),
      signInAs(cms, 'Province collection centre', 'province@pilot.example'),
    ]);
    await assignRegion(cms, 'county@pilot.example', '510107');
    await assignRegion(cms, 'city@pilot.example', '510100');
    // Enterprises 1–3 are in the master data; the lists below also name others, which reviewers see flagged.
    const master = [1, 2, 3].map((n) => inJinjiang(enterpriseCode(n), `企业${n}`));
    await fetch(`${cms.url}/api/direct-report/enterprises`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${platformToken}`, 'content-type': 'application/json' },
      body: JSON.stringify(master),
    });
  });
  afterAll(async () => {
    await cms?.stop();
  });

  it('takes registrations only in the pilots the province sets, refusing elsewhere with the reason', async () => {
    // A new installation starts with the whole province as the pilot.
    const seeded = (await cms.strapi.db.query(PILOT).findMany({})) as Array<{ documentId: string; regionCode: string; regionName: string }>;
    expect(seeded.map((p) => [p.regionCode, p.regionName])).toEqual([['510000', '四川省']]);
    // The province narrows it to 成都市 in the Content Manager; a county bureau may not.
    expect((await county.json('POST', cmPath(PILOT), { regionCode: '510300' })).status).toBe(403);
    const wrong = await province.json<{ error: { details: { errors: Array<{ message: string }> } } }>('POST', cmPath(PILOT), {
      regionCode: '519999',
    });
    expect(wrong.body.error.details.errors[0]?.message).toBe('试点地区代码 519999 不是四川省或其市州、县区的行政区划代码（GB/T 2260）');
    expect((await province.json('POST', cmPath(PILOT), { regionCode: '510100' })).status).toBe(201);
    expect((await province.json('DELETE', cmPath(PILOT, seeded[0]?.documentId))).status).toBe(200);

    const elsewhere = await register(validAgency([{ code: enterpriseCode(1), name: '企业1' }], { countyCode: '510302' }), {
      ...scans,
      'letter.0': SAMPLE_PDF,
    });
    expect(elsewhere.status).toBe(400);
    expect(fieldErrors(elsewhere.body)).toEqual({ countyCode: '自贡市 自流井区不是统计代理制试点地区，暂不受理统计代理机构登记' });
    expect(await cms.strapi.db.query('api::agency.agency').count({ where: { countyCode: '510302' } })).toBe(0);
    // 新都区 is a county of the pilot 成都市 (and of the full GB/T 2260 list).
    const inPilot = await register(validAgency([{ code: enterpriseCode(1), name: '企业1' }], { countyCode: '510114' }), {
      ...scans,
      'letter.0': SAMPLE_PDF,
    });
    expect(inPilot.status).toBe(201);
  });

  it('refuses a list with bad codes, duplicates or nothing in it, naming the rows, and stores nothing', async () => {
    const csv = (text: string) => ({ bytes: Buffer.from(text), name: '委托企业清单.csv' });
    const before = await cms.strapi.db.query('api::agency.agency').count({});
    const bad = await register(validAgency([{ code: enterpriseCode(1), name: '企业1' }]), {
      ...scans,
      'letter.0': SAMPLE_PDF,
      delegatorList: csv(
        `法人代码,企业名称\n${enterpriseCode(2)},企业2\n91510100MA0000000X,坏代码\n${enterpriseCode(2)},企业2又一行\n${enterpriseCode(1)},企业1\n`,
      ),
      listLetters: SAMPLE_PDF,
    });
    expect(bad.status).toBe(400);
    expect(fieldErrors(bad.body)).toEqual({
      delegatorList: `第3行：统一社会信用代码的校验码（最后一位）不正确，请核对后重新输入；第4行：法人代码 ${enterpriseCode(2)} 与第2行重复；第5行：法人代码 ${enterpriseCode(1)} 与已填写的委托企业重复`,
    });
    const garbage = await register(validAgency([]), {
      ...scans,
      delegatorList: { bytes: Buffer.from('PK\u0003\u0004 not a workbook'), name: 'x.xlsx' },
    });
    expect(fieldErrors(garbage.body)).toEqual({
      delegatorList: '委托企业清单无法读取，请上传 Excel（.xlsx）或 CSV 文件，第一列为法人代码，第二列为企业名称',
    });
    const none = await register(validAgency([]), scans);
    expect(fieldErrors(none.body)).toEqual({ delegators: '请填写委托企业，或上传委托企业清单（Excel 或 CSV）' });
    const noLetters = await register(validAgency([]), { ...scans, delegatorList: csv(`${enterpriseCode(2)},企业2\n`) });
    expect(fieldErrors(noLetters.body)).toEqual({ listLetters: '请上传清单所列企业的委托书' });
    expect(await cms.strapi.db.query('api::agency.agency').count({})).toBe(before);
  });

  it('takes hundreds of enterprises from an Excel list and shows reviewers those the master data does not know', async () => {
    const listed = Array.from({ length: 120 }, (_, i): [string, string] => [enterpriseCode(i + 2), `企业${i + 2}`]);
    const { status, body } = await register(validAgency([{ code: enterpriseCode(1), name: '企业1' }]), {
      ...scans,
      'letter.0': SAMPLE_PDF,
      delegatorList: { bytes: await workbook(listed), name: '委托企业清单.xlsx' },
      listLetters: SAMPLE_PDF,
    });
    expect(status).toBe(201);
    const record = await recordAs(county, String(body.registrationNo));
    expect(record.agency.delegators).toHaveLength(121);
    expect(record.agency.delegators.slice(0, 4)).toEqual([
      { code: enterpriseCode(1), name: '企业1', letter: 'letter.0', listed: false, known: true },
      { code: enterpriseCode(2), name: '企业2', letter: 'listLetters', listed: true, known: true },
      { code: enterpriseCode(3), name: '企业3', letter: 'listLetters', listed: true, known: true },
      { code: enterpriseCode(4), name: '企业4', letter: 'listLetters', listed: true, known: false },
    ]);
    expect(record.agency.delegators.filter((d) => !d.known)).toHaveLength(118);
    expect(record.documents.map((d) => d.purpose)).toEqual([
      'businessLicence',
      'legalPersonCertificate',
      'letter.0',
      'listLetters',
      'delegatorList',
    ]);
  });

  it('lets a refused agency supplement and resubmit to the level that refused, under the same number; each level reads those below', async () => {
    const registered = await register(validAgency([{ code: enterpriseCode(1), name: '企业1' }]), { ...scans, 'letter.0': SAMPLE_PDF });
    const no = String(registered.body.registrationNo);
    const token = await tokenFor(no, String(registered.body.queryPassword));
    const resubmit = (answers: unknown, files: Record<string, AgencyFile>) =>
      post('/api/public/agencies/mine/resubmit', multipart(answers, files), token);

    // Not refused: nothing to resubmit.
    const early = await resubmit(validAgency([{ code: enterpriseCode(1), name: '企业1' }]), {});
    expect(early.status).toBe(409);
    expect(early.body.error).toMatchObject({ message: '当前状态为“待县区统计局审核”，只有未通过的登记可以补充材料后重新提交' });

    expect((await decide(county, no, { decision: 'approve' })).status).toBe(200);
    expect((await decide(city, no, { decision: 'reject', reason: '委托书未加盖公章' })).status).toBe(200);
    // The city read what the county decided before it decided.
    expect((await recordAs(province, no)).decisions).toEqual([
      expect.objectContaining({
        levelLabel: '县区统计局',
        actionLabel: '县区审核通过',
        actor: expect.stringContaining('county@pilot.example'),
      }),
      expect.objectContaining({ levelLabel: '市州统计局', actionLabel: '不通过', reason: '委托书未加盖公章' }),
    ]);

    // A second enterprise needs its letter; the stored documents need not be sent again.
    const twoEnterprises = validAgency([
      { code: enterpriseCode(1), name: '企业1' },
      { code: enterpriseCode(2), name: '企业2' },
    ]);
    const missing = await resubmit(twoEnterprises, { 'letter.0': SAMPLE_PNG });
    expect(missing.status).toBe(400);
    expect(fieldErrors(missing.body)).toEqual({ 'letter.1': '请上传企业2的委托书' });
    const again = await resubmit(twoEnterprises, { 'letter.0': SAMPLE_PNG, 'letter.1': SAMPLE_PDF });
    expect(again.status, JSON.stringify(again.body)).toBe(200);
    expect(again.body.agency).toMatchObject({ registrationNo: no, status: 'city_review', statusLabel: '待市州统计局审批', reason: null });
    expect(
      (again.body.agency as unknown as { history: Array<{ actionLabel: string; toLabel: string }> }).history.map(
        (e) => `${e.actionLabel}→${e.toLabel}`,
      ),
    ).toEqual(['提交登记→待县区统计局审核', '县区审核通过→待市州统计局审批', '不通过→未通过', '补充材料后重新提交→待市州统计局审批']);

    // Back with the city, not the county; the replaced letter is the new one, the others stay.
    const cityView = await recordAs(city, no);
    expect(cityView.canDecide).toBe(true);
    expect((await recordAs(county, no)).canDecide).toBe(false);
    expect(cityView.documents.map((d) => [d.purpose, d.fileName])).toEqual([
      ['businessLicence', 'businessLicence.pdf'],
      ['legalPersonCertificate', 'legalPersonCertificate.png'],
      ['letter.0', 'letter.0.png'],
      ['letter.1', 'letter.1.pdf'],
    ]);
    const letter = await city.call('GET', `/bureau-desk/agencies/${no}/documents/letter.0`);
    expect(Buffer.from(await letter.arrayBuffer()).equals(SAMPLE_PNG)).toBe(true);

    expect((await decide(city, no, { decision: 'approve' })).status).toBe(200);
    expect((await decide(province, no, { decision: 'approve', effectiveDate: '2026-12-01' })).status).toBe(200);
    // The province reads both levels' last decisions, who and why, before it confirms.
    expect((await recordAs(province, no)).decisions.map((d) => `${d.levelLabel}：${d.actionLabel}`)).toEqual([
      '县区统计局：县区审核通过',
      '市州统计局：市州审批通过',
      '省数据采集中心：省数据采集中心确认',
    ]);
    expect(await cms.strapi.db.query('api::agency.agency').count({ where: { registrationNo: no } })).toBe(1);
  });

  it('sends a refusal by the county back to the county', async () => {
    const registered = await register(validAgency([{ code: enterpriseCode(3), name: '企业3' }]), { ...scans, 'letter.0': SAMPLE_PDF });
    const no = String(registered.body.registrationNo);
    expect((await decide(county, no, { decision: 'reject', reason: '营业执照不清晰' })).status).toBe(200);
    const token = await tokenFor(no, String(registered.body.queryPassword));
    const again = await post(
      '/api/public/agencies/mine/resubmit',
      multipart(validAgency([{ code: enterpriseCode(3), name: '企业3' }]), { businessLicence: SAMPLE_PNG }),
      token,
    );
    expect(again.body.agency).toMatchObject({ registrationNo: no, status: 'county_review' });
    expect((await recordAs(county, no)).canDecide).toBe(true);
  });

  it('refuses a resubmission without the look-up token', async () => {
    const response = await fetch(`${cms.url}/api/public/agencies/mine/resubmit`, { method: 'POST', body: multipart({}, {}) });
    expect(response.status).toBe(401);
  });
});
