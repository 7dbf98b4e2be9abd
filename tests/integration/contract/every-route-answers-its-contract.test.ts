import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  adminApi,
  contentApi,
  type Endpoint,
  type EndpointId,
  endpoints,
  errorAnswer,
  pathOf,
} from '../../../config/src/contract/index.ts';
import { type Staff, signInAs } from '../support/admin.ts';
import { ELF, SAMPLE_PDF, SAMPLE_PNG } from '../support/files.ts';
import {
  inJinjiang,
  unitCode,
  validAgency,
  validChangeApplication,
  validDataApplication,
  validInstitution,
  validOutcome,
  validStatistician,
} from '../support/fixtures.ts';
import { CJK } from '../support/http.ts';
import { approvedInstitution, approveWithoutScan, review } from '../support/review.ts';
import { bootCms, createApiToken, type TestCms } from '../support/strapi.ts';

/**
 * The contract (config/src/contract) is what the site and the admin are typed from: this boots
 * Strapi, calls every endpoint for its answer and its main refusals, and parses each answer with
 * the endpoint's schema. A route the server serves without a contract entry fails here too.
 */
interface Exchange {
  params?: Record<string, string | number>;
  query?: Record<string, string>;
  body?: unknown;
  /** Multipart parts: file parts are [bytes, file name]. */
  form?: Record<string, string | readonly [Buffer, string]>;
  token?: string;
  /** Overrides the JSON content type (NDJSON, or a refused type). */
  contentType?: string;
}

const exercised = new Map<EndpointId, Set<number>>();
let cms: TestCms;

function multipart(parts: NonNullable<Exchange['form']>): FormData {
  const form = new FormData();
  for (const [name, part] of Object.entries(parts))
    if (typeof part === 'string') form.append(name, part);
    else form.append(name, new Blob([new Uint8Array(part[0])]), part[1]);
  return form;
}

function requestBody(input: Exchange): { body?: BodyInit; headers: Record<string, string> } {
  const headers: Record<string, string> = { 'x-forwarded-for': '203.0.113.50' };
  if (input.token) headers.authorization = `Bearer ${input.token}`;
  if (input.form) return { body: multipart(input.form), headers };
  if (input.body === undefined) return { headers };
  headers['content-type'] = input.contentType ?? 'application/json';
  return { body: typeof input.body === 'string' ? input.body : JSON.stringify(input.body), headers };
}

/**
 * Calls an endpoint, expects `status`, and parses the answer with the schema the contract gives
 * for it: the success schema, or the error contract for a status the endpoint lists as an error.
 */
async function expectAnswer<Id extends EndpointId>(id: Id, status: number, input: Exchange = {}) {
  const endpoint: Endpoint = endpoints[id];
  const query = input.query ? `?${new URLSearchParams(input.query)}` : '';
  const { body, headers } = requestBody(input);
  const response = await fetch(`${cms.url}${pathOf(endpoint, input.params)}${query}`, { method: endpoint.method, headers, body });
  const type = response.headers.get('content-type') ?? '';
  const answer = endpoint.file && response.ok ? new Uint8Array(await response.arrayBuffer()) : await response.json();
  const label = `${endpoint.method} ${endpoint.path} → ${response.status} ${JSON.stringify(answer).slice(0, 300)}`;
  expect(response.status, label).toBe(status);
  exercised.set(id, new Set([...(exercised.get(id) ?? []), status]));
  const schema = endpoint.responses[status];
  if (schema) {
    if (endpoint.file)
      expect(
        endpoint.file.some((allowed) => type.startsWith(allowed)),
        `${label}: ${type}`,
      ).toBe(true);
    const parsed = schema.safeParse(answer);
    expect(parsed.error?.issues, label).toBeUndefined();
    return parsed.data as never;
  }
  expect(endpoint.errors, `${label}: not an error status of the contract`).toContain(status);
  const parsed = errorAnswer.safeParse(answer);
  expect(parsed.error?.issues, label).toBeUndefined();
  expect(parsed.data?.error.status).toBe(status);
  expect(parsed.data?.error.message).toMatch(CJK);
  return answer as never;
}

/** Every route the running server serves under the prefixes the contract owns. */
function servedRoutes(prefixes: string[]): string[] {
  const stack = (cms.strapi.server.router as unknown as { stack: Array<{ path: string; methods: string[] }> }).stack;
  return [
    ...new Set(
      stack
        .filter((layer) => prefixes.some((prefix) => layer.path === prefix || layer.path.startsWith(`${prefix}/`)))
        .flatMap((layer) => layer.methods.filter((m) => m !== 'HEAD').map((method) => `${method} ${layer.path}`)),
    ),
  ].sort();
}

const routeOf = (endpoint: Endpoint) => `${endpoint.method} ${endpoint.path}`;
const firstSegment = (path: string) => `/${path.split('/')[1]}`;

/** Printing PDFs with Chromium takes seconds each on a busy machine: the tests that print get longer. */
const PRINTS = { timeout: 240_000 };

/** Strapi's own plugins also serve content-API routes under /api; these are theirs, not ours. */
const STRAPI_CONTENT_API =
  /^\/api\/(?:upload|users-permissions|auth|users|roles|connect|i18n|content-releases|content-type-builder|email)(?:\/|$)/;

describe('every route answers as its contract says', () => {
  let staff: Staff;
  let platformToken: string;
  const year = new Date().getFullYear();
  const institutionPhone = '15800000001';
  let institution: { applicationNo: string; queryPassword: string; token: string };
  /** The institution the data applications name: approved, as 申请机构 must be; `institution` stays waiting for its forms. */
  let applyingInstitutionNo: string;
  let dataApplication: { applicationNo: string; queryPassword: string; token: string };

  beforeAll(async () => {
    cms = await bootCms('contract');
    staff = await signInAs(cms, 'Super Admin', 'contract@statdesk.example');
    platformToken = await createApiToken(cms, 'full-access');
    await cms.strapi.documents('api::reporting-period.reporting-period').create({
      data: { code: '2026-10', type: 'monthly', opensAt: '2026-11-01T00:00:00+08:00', closesAt: '2026-11-11T00:00:00+08:00' } as never,
    });
  });
  afterAll(async () => {
    await cms?.stop();
  });

  it('serves no content-API or desk route that the contract does not declare, and declares none it does not serve', () => {
    const contentRoutes = servedRoutes(['/api']).filter((route) => !STRAPI_CONTENT_API.test(route.split(' ')[1] ?? ''));
    expect(contentRoutes).toEqual(Object.values(contentApi).map(routeOf).sort());
    const deskPrefixes = [...new Set(Object.values(adminApi).map((endpoint) => firstSegment(endpoint.path)))];
    expect(servedRoutes(deskPrefixes)).toEqual(Object.values(adminApi).map(routeOf).sort());
  });

  it('answers the public content as declared', async () => {
    await expectAnswer('catalog', 200);
    await expectAnswer('homeNotices', 200);
    await expectAnswer('notice', 200, { params: { key: 'institution-notice' } });
    await expectAnswer('notice', 404, { params: { key: 'no-such-notice' } });
    await expectAnswer('noticeList', 200);
    await expectAnswer('siteSettings', 200);
    await expectAnswer('institutions', 200, { query: { q: '北京', pageSize: '5' } });
    await expectAnswer('institutionChoices', 200, { query: { q: '北京' } });
    await expectAnswer('turnaround', 200);
    await expectAnswer('health', 200);
  });

  it('answers the four microdata submissions and their refusals as declared', async () => {
    institution = await expectAnswer('submitInstitution', 201, { body: validInstitution() });
    await expectAnswer('submitInstitution', 400, { body: {} });
    applyingInstitutionNo = (await approvedInstitution(cms, { contactPhone: '15800000078' })).applicationNo;
    dataApplication = await expectAnswer('submitDataApplication', 201, { body: validDataApplication(applyingInstitutionNo) });
    await expectAnswer('submitDataApplication', 400, { body: validDataApplication('JG-1999-000001') });
    await approveWithoutScan(cms, dataApplication.applicationNo);
    await expectAnswer('submitChangeApplication', 201, { body: validChangeApplication(dataApplication.applicationNo) });
    await expectAnswer('submitChangeApplication', 400, { body: validChangeApplication(`SY-${year}-999999`) });
    const outcome = await expectAnswer('submitOutcome', 201, { body: validOutcome(dataApplication.applicationNo) });
    expect(outcome).toMatchObject({ outcomeNo: expect.stringMatching(/^CG-/), queryPassword: expect.any(String) });
    await expectAnswer('submitOutcome', 400, { body: validOutcome(dataApplication.applicationNo, { phone: '13900000000' }) });
  });

  it('answers the query and the records a token opens as declared', async () => {
    await expectAnswer('query', 200, { body: { phone: institutionPhone, password: institution.queryPassword } });
    await expectAnswer('query', 400, { body: {} });
    await expectAnswer('query', 401, { body: { phone: '13700000000', password: 'ABCD-EFGH-JKMN' } });
    await expectAnswer('records', 200, { token: institution.token });
    await expectAnswer('records', 401);
  });

  it('answers 忘记查询密码 as declared', async () => {
    const ask = { applicationNo: institution.applicationNo, phone: '13700000000' };
    await expectAnswer('requestPasswordReset', 409, { body: ask });
    process.env.SMTP_HOST = '127.0.0.1';
    try {
      // A phone that is not the record's: answered alike, and nothing is sent.
      await expectAnswer('requestPasswordReset', 202, { body: ask });
      await expectAnswer('requestPasswordReset', 400, { body: {} });
    } finally {
      delete process.env.SMTP_HOST;
    }
    // The link's token as the service stores it: only its SHA-256.
    await cms.strapi.db.connection.raw('insert into query_password_resets (token_hash, record_no) values (?, ?)', [
      createHash('sha256').update('contract-link').digest('hex'),
      dataApplication.applicationNo,
    ]);
    await expectAnswer('resetPassword', 200, { body: { token: 'contract-link' } });
    await expectAnswer('resetPassword', 410, { body: { token: 'contract-link' } });
  });

  it('answers the printable form, the stamped form and attachments as declared', PRINTS, async () => {
    const no = { no: institution.applicationNo };
    await expectAnswer('formHtml', 200, { params: no, token: institution.token });
    await expectAnswer('formHtml', 401, { params: no });
    await expectAnswer('formPdf', 200, { params: no, token: institution.token });
    await expectAnswer('formPdf', 401, { params: no });
    await expectAnswer('uploadStampedForm', 200, { params: no, token: institution.token, form: { file: [SAMPLE_PDF, 'stamped.pdf'] } });
    await expectAnswer('uploadStampedForm', 415, { params: no, token: institution.token, form: { file: [ELF, 'stamped.pdf'] } });
    await expectAnswer('uploadStampedForm', 401, { params: no, form: { file: [SAMPLE_PDF, 'stamped.pdf'] } });
    // Attachments belong to data applications; this one opens with its own token.
    const sy = { no: dataApplication.applicationNo };
    const pending = await expectAnswer('submitDataApplication', 201, { body: validDataApplication(applyingInstitutionNo) });
    const open = { no: (pending as { applicationNo: string }).applicationNo };
    const token = (pending as { token: string }).token;
    await expectAnswer('addAttachment', 201, { params: open, token, form: { file: [SAMPLE_PNG, 'ethics.png'] } });
    await expectAnswer('addAttachment', 415, { params: open, token, form: { file: [ELF, 'ethics.png'] } });
    await expectAnswer('addAttachment', 401, { params: sy, form: { file: [SAMPLE_PNG, 'ethics.png'] } });
    await expectAnswer('listAttachments', 200, { params: open, token });
    await expectAnswer('listAttachments', 401, { params: open });
    dataApplication = { ...dataApplication, applicationNo: open.no, token };
  });

  it('answers 修改申请 and a change application’s prefill as declared', async () => {
    const returned = (await expectAnswer('submitInstitution', 201, { body: validInstitution({ contactPhone: '15800000077' }) })) as {
      applicationNo: string;
      token: string;
    };
    const no = { no: returned.applicationNo };
    await expectAnswer('recordAnswers', 200, { params: no, token: returned.token });
    await expectAnswer('recordAnswers', 401, { params: no });
    await expectAnswer('resubmitRecord', 409, {
      params: no,
      token: returned.token,
      body: validInstitution({ contactPhone: '15800000077' }),
    });
    await review(cms).transition(returned.applicationNo, { action: 'upload', actor: '测试' });
    await review(cms).transition(returned.applicationNo, { action: 'return', actor: '测试', reason: '请更正' });
    await expectAnswer('resubmitRecord', 400, { params: no, token: returned.token, body: {} });
    await expectAnswer('resubmitRecord', 401, { params: no, body: validInstitution({ contactPhone: '15800000077' }) });
    await expectAnswer('resubmitRecord', 200, {
      params: no,
      token: returned.token,
      body: validInstitution({ contactPhone: '15800000077' }),
    });

    const original = (await expectAnswer('submitDataApplication', 201, {
      body: validDataApplication(applyingInstitutionNo, { leaderPhone: '13800138077' }),
    })) as { applicationNo: string; queryPassword: string };
    await approveWithoutScan(cms, original.applicationNo);
    const opens = { applicationNo: original.applicationNo, phone: '13800138077' };
    await expectAnswer('changePrefill', 200, { body: { ...opens, password: original.queryPassword } });
    await expectAnswer('changePrefill', 400, { body: { ...opens, applicationNo: '', password: original.queryPassword } });
    await expectAnswer('changePrefill', 401, { body: { ...opens, password: 'ABCD-EFGH-JKMN' } });
  });

  it('answers a statistician’s registration, look-up and resubmission, and the gate, as declared', async () => {
    const registered = await expectAnswer('registerStatistician', 201, { body: validStatistician() });
    const { registrationNo, queryPassword } = registered as { registrationNo: string; queryPassword: string };
    await expectAnswer('registerStatistician', 400, { body: {} });
    await expectAnswer('registerStatistician', 409, { body: validStatistician() });
    const lookedUp = await expectAnswer('lookUpStatistician', 200, { body: { idNumber: '11010519491231002X', password: queryPassword } });
    const token = (lookedUp as { token: string }).token;
    await expectAnswer('lookUpStatistician', 400, { body: {} });
    await expectAnswer('lookUpStatistician', 401, { body: { idNumber: '11010519491231002X', password: 'ABCD-EFGH-JKMN' } });
    await expectAnswer('myRegistration', 200, { token });
    await expectAnswer('myRegistration', 401);
    const unitsBody = {
      serviceUnits: [...validStatistician().serviceUnits, { code: unitCode(77), name: '服务单位77', role: 'specialised' }],
    };
    await expectAnswer('resubmitServiceUnits', 409, { body: unitsBody, token });
    await expectAnswer('resubmitServiceUnits', 401, { body: unitsBody });
    await expectAnswer('resubmitServiceUnits', 400, { body: { serviceUnits: [] }, token });
    await expectAnswer('resubmitRegistration', 409, { body: validStatistician(), token });
    await expectAnswer('resubmitRegistration', 401, { body: validStatistician() });

    // The gate refuses a unit typed by hand and hands out the enterprise's link (seeds/004 §十).
    const refused = (await expectAnswer('gate', 200, { params: { enterpriseCode: unitCode(77) }, token: platformToken })) as {
      registrationLink: { token: string };
    };
    const link = { token: refused.registrationLink.token };
    await expectAnswer('readGateLink', 200, { params: link });
    await expectAnswer('readGateLink', 400, { params: { token: `${link.token}x` } });
    const pair = { idNumber: '11010519491231002X', password: queryPassword };
    await expectAnswer('addGateUnit', 401, { params: link, body: { ...pair, password: 'ABCD-EFGH-JKMN' } });
    await expectAnswer('addGateUnit', 400, { params: { token: 'x' }, body: pair });
    await expectAnswer('addGateUnit', 200, { params: link, body: pair });

    const no = { no: registrationNo };
    await expectAnswer('bureauMyJurisdiction', 200, { token: staff.token });
    await expectAnswer('bureauMyJurisdiction', 401);
    await expectAnswer('bureauStatistician', 200, { params: no, token: staff.token });
    await expectAnswer('bureauStatistician', 404, { params: { no: `TJ-${year}-999999` }, token: staff.token });
    await expectAnswer('bureauReopenStatistician', 400, { params: no, body: {}, token: staff.token });
    await expectAnswer('bureauReopenStatistician', 200, { params: no, body: { reason: '补充服务单位' }, token: staff.token });
    await expectAnswer('resubmitServiceUnits', 200, { body: unitsBody, token });
    await expectAnswer('bureauReopenStatistician', 200, { params: no, body: { reason: '修改注册内容' }, token: staff.token });
    await expectAnswer('resubmitRegistration', 400, { body: { ...validStatistician(), phone: '1' }, token });
    await expectAnswer('resubmitRegistration', 200, { body: { ...validStatistician(), employer: '新工作单位' }, token });
    const unit = { ...no, code: unitCode(2) };
    await expectAnswer('bureauConfirmStatisticianUnit', 200, { params: unit, body: {}, token: staff.token });
    await expectAnswer('bureauConfirmStatisticianUnit', 409, { params: unit, body: {}, token: staff.token });
    await expectAnswer('bureauConfirmStatisticianUnit', 404, { params: { ...no, code: unitCode(99) }, body: {}, token: staff.token });
    // seeds/004 §十一: once their 综合统计 unit is verified, the person assigns forms to colleagues.
    await expectAnswer('bureauConfirmStatisticianUnit', 200, { params: { ...no, code: unitCode(1) }, body: {}, token: staff.token });
    const linkFor = { enterpriseCode: unitCode(1), colleague: '张伟' };
    await expectAnswer('createRegistrationLink', 400, { body: { enterpriseCode: '', colleague: '' }, token });
    await expectAnswer('createRegistrationLink', 401, { body: linkFor });
    const made = (await expectAnswer('createRegistrationLink', 201, { body: linkFor, token })) as {
      link: { token: string };
      links: Array<{ id: string }>;
    };
    await expectAnswer('listRegistrationLinks', 200, { token });
    await expectAnswer('listRegistrationLinks', 401);
    await expectAnswer('readRegistrationLink', 200, { params: { token: made.link.token } });
    await expectAnswer('readRegistrationLink', 404, { params: { token: 'x' } });
    const id = { id: made.links[0]?.id ?? '' };
    await expectAnswer('revokeRegistrationLink', 401, { params: id });
    await expectAnswer('revokeRegistrationLink', 404, { params: { id: 'nope' }, token });
    await expectAnswer('revokeRegistrationLink', 200, { params: id, token });
    await expectAnswer('revokeRegistrationLink', 409, { params: id, token });
    await expectAnswer('readRegistrationLink', 410, { params: { token: made.link.token } });
    await expectAnswer('bureauResetStatisticianPassword', 400, { params: no, body: {}, token: staff.token });
    await expectAnswer('bureauResetStatisticianPassword', 200, { params: no, body: { reason: '遗失' }, token: staff.token });
    await expectAnswer('bureauRemoveStatistician', 400, { params: no, body: {}, token: staff.token });
    await expectAnswer('bureauRemoveStatistician', 200, { params: no, body: { reason: '已离职' }, token: staff.token });

    await expectAnswer('gate', 200, { params: { enterpriseCode: unitCode(1) }, token: platformToken });
    await expectAnswer('gate', 401, { params: { enterpriseCode: unitCode(1) } });
  });

  it('answers an agency’s registration, look-up and the bureau’s approval chain as declared', async () => {
    const delegators = [{ code: unitCode(901, '91510100MA'), name: '企业901' }];
    const documents = {
      businessLicence: [SAMPLE_PDF, 'licence.pdf'],
      legalPersonCertificate: [SAMPLE_PNG, 'certificate.png'],
      'letter.0': [SAMPLE_PDF, 'letter.pdf'],
    } as const;
    const registered = await expectAnswer('registerAgency', 201, {
      form: { data: JSON.stringify(validAgency(delegators)), ...documents },
    });
    const { registrationNo, queryPassword } = registered as { registrationNo: string; queryPassword: string };
    await expectAnswer('registerAgency', 400, { form: { data: JSON.stringify({}) } });
    const lookedUp = await expectAnswer('lookUpAgency', 200, { body: { registrationNo, password: queryPassword } });
    await expectAnswer('lookUpAgency', 400, { body: {} });
    await expectAnswer('lookUpAgency', 401, { body: { registrationNo, password: 'ABCD-EFGH-JKMN' } });
    await expectAnswer('myAgency', 200, { token: (lookedUp as { token: string }).token });
    await expectAnswer('myAgency', 401);

    const no = { no: registrationNo };
    await expectAnswer('bureauAgencyQueues', 200, { token: staff.token });
    await expectAnswer('bureauAgencyQueues', 401);
    await expectAnswer('bureauAgency', 200, { params: no, token: staff.token });
    await expectAnswer('bureauAgency', 404, { params: { no: `DL-${year}-999999` }, token: staff.token });
    await expectAnswer('bureauAgencyDocument', 200, { params: { ...no, purpose: 'businessLicence' }, token: staff.token });
    await expectAnswer('bureauAgencyDocument', 404, { params: { ...no, purpose: 'nothing' }, token: staff.token });
    await expectAnswer('bureauDecideAgency', 400, { params: no, body: {}, token: staff.token });
    await expectAnswer('bureauDecideAgency', 200, { params: no, body: { decision: 'approve' }, token: staff.token });

    // A refused registration, supplemented under its number (seeds/004 §七).
    const agencyToken = (lookedUp as { token: string }).token;
    const answers = { data: JSON.stringify(validAgency(delegators)) };
    await expectAnswer('resubmitAgency', 409, { form: answers, token: agencyToken });
    await expectAnswer('bureauDecideAgency', 200, { params: no, body: { decision: 'reject', reason: '委托书不清晰' }, token: staff.token });
    await expectAnswer('resubmitAgency', 400, { form: { data: JSON.stringify({}) }, token: agencyToken });
    await expectAnswer('resubmitAgency', 200, { form: { ...answers, 'letter.0': [SAMPLE_PDF, 'letter.pdf'] }, token: agencyToken });
    await expectAnswer('resubmitAgency', 401, { form: answers });
  });

  it('answers the data collection platform’s API and the dashboard as declared', async () => {
    const master = [1, 2].map((n) => inJinjiang(unitCode(n, '91510100MA'), `企业${n}`));
    await expectAnswer('upsertEnterprises', 200, { body: master, token: platformToken });
    await expectAnswer('upsertEnterprises', 400, { body: [{ code: 'x' }], token: platformToken });
    await expectAnswer('upsertEnterprises', 401, { body: master });
    const login = (code: string) => ({
      account: `${code}-1`,
      enterpriseCode: code,
      accountKind: 'enterprise',
      ip: '10.9.9.9',
      at: '2026-11-03T09:00:00+08:00',
    });
    await expectAnswer('ingestLoginEvents', 200, { body: master.map((e) => login(e.code)), token: platformToken });
    await expectAnswer('ingestLoginEvents', 415, { body: 'x', contentType: 'text/csv', token: platformToken });
    await expectAnswer('ingestLoginEvents', 422, { body: [{ account: 'x' }], token: platformToken });
    const office = { network: '10.9.0.0/16', label: '锦江区统计局', cause: 'bureau_office' };
    await expectAnswer('upsertOperatorAddresses', 200, { body: [office], token: platformToken });
    await expectAnswer('upsertOperatorAddresses', 400, { body: [{ ...office, network: '10.9.9.9/16' }], token: platformToken });
    await expectAnswer('listOperatorAddresses', 200, { token: platformToken });
    await expectAnswer('listOperatorAddresses', 401);
    await expectAnswer('report', 200, { params: { period: '2026-10' }, query: { county: '510104' }, token: platformToken });
    await expectAnswer('report', 400, { params: { period: '2026-10' }, query: { reason: 'bogus' }, token: platformToken });
    await expectAnswer('report', 404, { params: { period: '1999-01' }, token: platformToken });
    await expectAnswer('exportReport', 200, { params: { period: '2026-10', format: 'csv' }, token: platformToken });
    await expectAnswer('exportReport', 200, { params: { period: '2026-10', format: 'xlsx' }, token: platformToken });
    await expectAnswer('exportReport', 404, { params: { period: '1999-01', format: 'csv' }, token: platformToken });

    const period = { code: '2026-10', type: 'monthly', opensAt: '2026-11-01T00:00:00+08:00', closesAt: '2026-11-11T00:00:00+08:00' };
    await expectAnswer('upsertPeriods', 200, { body: [period], token: platformToken });
    await expectAnswer('upsertPeriods', 400, { body: [{ ...period, type: 'weekly' }], token: platformToken });
    await expectAnswer('listPeriods', 200, { token: platformToken });
    await expectAnswer('listPeriods', 401);
    const delegation = { enterpriseCode: master[0]?.code, agencyName: '代理机构', effectiveFrom: '2026-01-01T00:00:00+08:00' };
    await expectAnswer('upsertDelegations', 200, { body: [delegation], token: platformToken });
    await expectAnswer('upsertDelegations', 400, { body: [{ ...delegation, enterpriseCode: 'x' }], token: platformToken });
    await expectAnswer('listDelegations', 200, { token: platformToken });
    await expectAnswer('listDelegations', 400, { query: { enterprise: 'x' }, token: platformToken });
    const settings = (await expectAnswer('settings', 200, { token: platformToken })) as object;
    await expectAnswer('settings', 401);
    await expectAnswer('updateSettings', 200, { body: settings, token: platformToken });
    await expectAnswer('updateSettings', 400, { body: { ...settings, threshold: 0 }, token: platformToken });
    await expectAnswer('ingestions', 200, { token: platformToken });
    await expectAnswer('ingestions', 400, { query: { since: 'yesterday' }, token: platformToken });
    await expectAnswer('bureauReportPeriods', 200, { token: staff.token });
    await expectAnswer('bureauReportPeriods', 401);
    await expectAnswer('bureauReport', 200, { params: { period: '2026-10' }, token: staff.token });
    await expectAnswer('bureauReport', 404, { params: { period: '1999-01' }, token: staff.token });
    await expectAnswer('bureauExportReport', 200, {
      params: { period: '2026-10', format: 'xlsx' },
      query: { county: '510104' },
      token: staff.token,
    });
    await expectAnswer('bureauExportReport', 200, { params: { period: '2026-10', format: 'csv' }, token: staff.token });
    await expectAnswer('bureauExportReport', 400, {
      params: { period: '2026-10', format: 'csv' },
      query: { reason: 'bogus' },
      token: staff.token,
    });
    await expectAnswer('bureauExportReport', 401, { params: { period: '2026-10', format: 'csv' } });
    await expectAnswer('bureauExportReport', 404, { params: { period: '1999-01', format: 'csv' }, token: staff.token });
    const october = { code: '2026-10' };
    await expectAnswer('bureauPeriodClosings', 200, { params: october, token: staff.token });
    await expectAnswer('bureauPeriodClosings', 404, { params: { code: '1999-01' }, token: staff.token });
    await expectAnswer('bureauClosePeriod', 200, { params: october, token: staff.token });
    await expectAnswer('bureauClosePeriod', 409, { params: october, token: staff.token });
    await expectAnswer('bureauReport', 200, { params: { period: '2026-10' }, token: staff.token });
    await expectAnswer('bureauReopenPeriod', 400, { params: october, body: {}, token: staff.token });
    await expectAnswer('bureauReopenPeriod', 200, { params: october, body: { reason: '平台补发了登录记录' }, token: staff.token });
    await expectAnswer('closePeriod', 200, { params: october, token: platformToken });
    await expectAnswer('closePeriod', 404, { params: { code: '1999-01' }, token: platformToken });
    await expectAnswer('reopenPeriod', 200, { params: october, body: { reason: '平台补发了登录记录' }, token: platformToken });
    await expectAnswer('reopenPeriod', 409, { params: october, body: { reason: '平台补发了登录记录' }, token: platformToken });
  });

  it('answers the review desk as declared', PRINTS, async () => {
    const token = staff.token;
    const jg = { no: institution.applicationNo };
    await expectAnswer('deskQueues', 200, { token });
    await expectAnswer('deskQueues', 401);
    await expectAnswer('deskOverview', 200, { token });
    await expectAnswer('deskOverview', 401);
    await expectAnswer('deskMail', 200, { token });
    await expectAnswer('deskMail', 401);
    await expectAnswer('deskRecords', 200, { query: { kind: 'institution', status: 'awaiting_review' }, token });
    await expectAnswer('deskRecords', 400, { token });
    await expectAnswer('deskExport', 200, { query: { kind: 'institution' }, token });
    await expectAnswer('deskExport', 200, { query: { kind: 'institution', format: 'xlsx' }, token });
    await expectAnswer('deskExport', 400, { token });
    await expectAnswer('deskRecord', 200, { params: jg, token });
    await expectAnswer('deskRecord', 404, { params: { no: `JG-${year}-999999` }, token });
    await expectAnswer('deskStampedForm', 200, { params: jg, token });
    await expectAnswer('deskStampedForm', 404, { params: { no: dataApplication.applicationNo }, token });
    await expectAnswer('deskAttachment', 200, { params: { no: dataApplication.applicationNo, index: 1 }, token });
    await expectAnswer('deskAttachment', 404, { params: { no: dataApplication.applicationNo, index: 9 }, token });
    await expectAnswer('deskFormPdf', 200, { params: jg, token });
    await expectAnswer('deskFormPdf', 404, { params: { no: `JG-${year}-999999` }, token });
    await expectAnswer('deskMessages', 200, { params: jg, token });
    await expectAnswer('deskMessages', 401, { params: jg });
    await expectAnswer('deskMessages', 404, { params: { no: `JG-${year}-999999` }, token });
    await expectAnswer('deskDecide', 400, { params: jg, body: { action: 'reject' }, token });
    await expectAnswer('deskDecide', 200, { params: jg, body: { action: 'approve' }, token });
    await expectAnswer('deskDecide', 409, { params: jg, body: { action: 'approve' }, token });
    await expectAnswer('deskIssuePassword', 400, { params: jg, body: {}, token });
    await expectAnswer('deskIssuePassword', 200, { params: jg, body: { reason: '本人遗失' }, token });

    await expectAnswer('deskTemplates', 200, { token });
    await expectAnswer('deskTemplates', 401);
    await expectAnswer('deskTemplate', 200, { params: { formId: 'institution' }, token });
    await expectAnswer('deskTemplate', 404, { params: { formId: 'nothing' }, token });
    const { source } = (await expectAnswer('deskTemplate', 200, { params: { formId: 'outcome' }, token })) as { source: string };
    await expectAnswer('deskSaveTemplate', 200, { params: { formId: 'outcome' }, body: { source }, token });
    await expectAnswer('deskSaveTemplate', 400, { params: { formId: 'outcome' }, body: { source: '{{#if}}' }, token });
    await expectAnswer('deskResetTemplate', 200, { params: { formId: 'outcome' }, token });
    await expectAnswer('deskResetTemplate', 404, { params: { formId: 'nothing' }, token });
    await expectAnswer('deskPreviewTemplate', 200, { params: { formId: 'outcome' }, body: { source }, token });
    await expectAnswer('deskPreviewTemplate', 404, { params: { formId: 'nothing' }, body: { source }, token });
  });

  it('has called every endpoint of the contract, each for an answer and a refusal', () => {
    const missing = (Object.keys(endpoints) as EndpointId[]).filter((id) => {
      const statuses = [...(exercised.get(id) ?? [])];
      const endpoint: Endpoint = endpoints[id];
      return (
        !statuses.some((s) => s in endpoint.responses) || (endpoint.errors.length > 0 && !statuses.some((s) => endpoint.errors.includes(s)))
      );
    });
    expect(missing).toEqual([]);
  });
});
