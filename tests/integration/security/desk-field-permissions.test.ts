import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Staff, signInAs } from '../support/admin.ts';
import { unitCode, validDataApplication, validOutcome, validStatistician } from '../support/fixtures.ts';
import { postJson, type Submitted } from '../support/http.ts';
import { approvedInstitution, approveWithoutScan } from '../support/review.ts';
import { bootCms, type TestCms } from '../support/strapi.ts';

/** Planted once into every record type a desk serves, and looked for in every answer. */
const P = {
  name: '欧阳无权',
  phone: '13912340077',
  spacedPhone: '139 1234 0077',
  idNumber: '11010519491231002X',
  email: 'hidden.person@pku.edu.cn',
};
const NEEDLES = [P.name, P.phone, P.spacedPhone, '139-1234-0077', P.idNumber, P.email];

interface DeskRoute {
  method: string;
  path: string;
  config: { policies: unknown[] };
}
interface Routes {
  prefix: string;
  routes: DeskRoute[];
}

const compiled = '../../../cms/dist/src';
const routeFiles = async () => {
  const { reviewDeskRoutes } = (await import(`${compiled}/plugins/review-desk/server/src/routes/admin.js`)) as { reviewDeskRoutes: Routes };
  const { bureauDeskRoutes } = (await import(`${compiled}/plugins/bureau-desk/server/src/routes/admin.js`)) as { bureauDeskRoutes: Routes };
  return [reviewDeskRoutes, bureauDeskRoutes];
};
const personalFieldsByUid = async () =>
  ((await import(`${compiled}/lib/personal-fields.js`)) as { personalFieldsByUid: Record<string, string[]> }).personalFieldsByUid;

/** A PDF's or XLSX's text, or the body as UTF-8: what a person would read in the answer. */
async function readableText(response: Response): Promise<string> {
  const bytes = Buffer.from(await response.arrayBuffer());
  const type = response.headers.get('content-type') ?? '';
  if (type.includes('pdf')) {
    const dir = mkdtempSync(join(tmpdir(), 'desk-pdf-'));
    try {
      writeFileSync(join(dir, 'form.pdf'), bytes);
      return execFileSync('pdftotext', ['-q', join(dir, 'form.pdf'), '-'], { encoding: 'utf8' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  if (type.includes('spreadsheetml')) {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as never);
    const cells: string[] = [];
    workbook.eachSheet((sheet) => sheet.eachRow((row) => cells.push(JSON.stringify(row.values))));
    return cells.join('\n');
  }
  return bytes.toString('utf8');
}

/**
 * Field-level permissions on the review desk and the bureau desk: a role that the Content Manager
 * shows records without their personal fields gets no personal value from any desk route either.
 */
describe('the desks apply the Content Manager’s field permissions on every route', () => {
  let cms: TestCms;
  let hidden: Staff;
  let reviewer: Staff;
  let editor: Staff;
  const records: Record<string, string> = {};

  /** A role reading every record type a desk serves, with the personal fields hidden, as configured roles do. */
  async function createRoleWithoutPersonalFields(): Promise<void> {
    const byUid = await personalFieldsByUid();
    const uids = [
      ...Object.keys(byUid),
      'api::stamped-form.stamped-form',
      'api::attachment.attachment',
      'api::enterprise.enterprise',
      'api::print-template.print-template',
    ];
    const roles = cms.strapi.service('admin::role') as {
      create(attributes: Record<string, unknown>): Promise<{ id: number }>;
      assignPermissions(id: number, permissions: unknown[]): Promise<unknown>;
    };
    const role = await roles.create({ name: 'Desk without personal fields', description: '测试：不含个人信息' });
    await roles.assignPermissions(
      role.id,
      uids.map((uid) => ({
        action: 'plugin::content-manager.explorer.read',
        subject: uid,
        properties: {
          fields: Object.keys((cms.strapi.getModel(uid as never) as { attributes: object }).attributes).filter(
            (name) => !(byUid[uid] ?? []).includes(name) && !['passwordHash', 'storageKey', 'createdBy', 'updatedBy'].includes(name),
          ),
        },
        conditions: [],
      })),
    );
  }

  beforeAll(async () => {
    cms = await bootCms('desk_fields');
    const institution = await approvedInstitution(cms, {
      contactName: P.name,
      contactPhone: P.spacedPhone,
      contactEmail: P.email,
      legalRepName: P.name,
    });
    records.institution = institution.applicationNo;
    const application = await postJson<Submitted>(
      cms.url,
      '/api/public/data-applications',
      validDataApplication(institution.applicationNo, { leaderName: P.name, leaderPhone: P.phone, leaderEmail: P.email }),
    );
    expect(application.status).toBe(201);
    records.dataApplication = application.body.applicationNo;
    await approveWithoutScan(cms, records.dataApplication);
    const outcome = await postJson<{ outcomeNo: string }>(
      cms.url,
      '/api/public/outcomes',
      validOutcome(records.dataApplication, { applicantName: P.name, leaderName: P.name, phone: P.phone }),
    );
    expect(outcome.status).toBe(201);
    records.outcome = outcome.body.outcomeNo;
    const statistician = await postJson<{ registrationNo: string }>(
      cms.url,
      '/api/public/statisticians',
      validStatistician({ name: P.name, idNumber: P.idNumber, phone: P.phone, email: P.email }),
    );
    expect(statistician.status).toBe(201);
    records.statistician = statistician.body.registrationNo;
    records.agency = 'DL-2026-900077';
    await cms.strapi.db.query('api::agency.agency').create({
      data: {
        registrationNo: records.agency,
        status: 'county_review',
        agencyName: '成都某某财务咨询有限公司',
        creditCode: unitCode(900, '91510107MA'),
        countyCode: '510107',
        cityCode: '510100',
        address: '成都市武侯区某某路1号',
        contactName: P.name,
        contactPhone: P.phone,
        contactEmail: P.email,
        delegators: [{ code: unitCode(1, '91510100MA'), name: '企业1' }],
        submittedAt: new Date().toISOString(),
      },
    });
    await createRoleWithoutPersonalFields();
    hidden = await signInAs(cms, 'Desk without personal fields', 'hidden@desk.example');
    // The bureau desk serves agencies of the user's own region (辖区分配).
    await cms.strapi.db.query('api::jurisdiction.jurisdiction').create({ data: { adminEmail: hidden.email, regionCode: '510107' } });
    reviewer = await signInAs(cms, 'Reviewer', 'reviewer@desk.example');
    editor = await signInAs(cms, 'Content editor', 'editor@desk.example');
  }, 120_000);
  afterAll(async () => {
    await cms?.stop();
  });

  it('puts every route of both desks, as defined and as mounted, behind the field-access policy', async () => {
    const definitions = await routeFiles();
    const defined = definitions.flatMap(({ prefix, routes }) => routes.map((route) => ({ ...route, path: `${prefix}${route.path}` })));
    expect(defined.length).toBeGreaterThan(20);
    for (const route of defined) expect(route.config.policies, `${route.method} ${route.path}`).toContain('global::field-access');
    const mounted = (cms.strapi.server.listRoutes() as unknown as Array<{ path: string; methods: string[] }>)
      .filter((layer) => /^\/(review|bureau)-desk\//.test(layer.path))
      .flatMap((layer) => layer.methods.filter((m) => m !== 'HEAD').map((m) => `${m} ${layer.path}`));
    expect(new Set(mounted)).toEqual(new Set(defined.map((route) => `${route.method} ${route.path}`)));
  });

  it('never answers a role without personal fields with a planted personal value, on any desk route', async () => {
    const definitions = await routeFiles();
    const recordNos = [records.institution, records.dataApplication, records.outcome];
    const leaks: string[] = [];
    const answered: string[] = [];
    for (const { prefix, routes } of definitions) {
      for (const route of routes) {
        const nos = route.path.startsWith('/statisticians')
          ? [records.statistician]
          : route.path.startsWith('/agencies')
            ? [records.agency]
            : recordNos;
        const queries = ['/records', '/export'].includes(route.path)
          ? ['institution', 'data-application', 'outcome'].flatMap((kind) =>
              ['', `&q=${encodeURIComponent(P.name)}`, '&format=xlsx'].map((extra) => `?kind=${kind}${extra}`),
            )
          : [''];
        for (const no of nos) {
          for (const query of queries) {
            const path = `${prefix}${route.path}`
              .replace(':no', no ?? 'x')
              .replace(':index', '1')
              .replace(':purpose', 'businessLicence')
              .replace(':formId', 'institution')
              .replace(':period', '2026-10');
            const response = await hidden.call(route.method, `${path}${query}`, route.method === 'GET' ? undefined : {});
            expect(response.status, `${route.method} ${path}${query}`).toBeLessThan(500);
            if (response.status === 200) answered.push(`${route.method} ${path}${query}`);
            const text = await readableText(response);
            for (const needle of NEEDLES) if (text.includes(needle)) leaks.push(`${route.method} ${path}${query}: ${needle}`);
          }
        }
      }
    }
    expect(leaks).toEqual([]);
    // The role reached the records themselves: lists, details, forms, exports, registrations and agencies.
    for (const reached of [
      `GET /review-desk/records?kind=outcome`,
      `GET /review-desk/records/${records.dataApplication}`,
      `GET /review-desk/records/${records.outcome}/form.pdf`,
      `GET /review-desk/export?kind=institution&format=xlsx`,
      `GET /bureau-desk/statisticians/${records.statistician}`,
      `GET /bureau-desk/agencies/${records.agency}`,
    ])
      expect(answered).toContain(reached);
  }, 300_000);

  it('prints the form with the personal fields masked for a role without them, and whole for the reviewer', async () => {
    const masked = await readableText(await hidden.call('GET', `/review-desk/records/${records.dataApplication}/form.pdf`));
    expect(masked).toContain('（无权查看）');
    expect(masked).toContain('中国城镇化与家庭消费研究');
    const whole = await readableText(await reviewer.call('GET', `/review-desk/records/${records.dataApplication}/form.pdf`));
    expect(whole).toContain(P.name);
    expect(whole).toContain(P.phone.slice(0, 3));
  });

  it('lists an outcome to the content editor without its applicant, and does not find it by the applicant’s name', async () => {
    type List = { rows: Array<{ recordNo: string; applicant: string }>; pagination: { total: number } };
    const listed = await editor.json<List>('GET', '/review-desk/records?kind=outcome');
    expect(listed.status).toBe(200);
    expect(listed.body.rows.find((row) => row.recordNo === records.outcome)?.applicant).toBe('（无权查看）');
    const byName = await editor.json<List>('GET', `/review-desk/records?kind=outcome&q=${encodeURIComponent(P.name)}`);
    expect(byName.body.pagination.total).toBe(0);
    const byNumber = await editor.json<List>('GET', `/review-desk/records?kind=outcome&q=${records.outcome}`);
    expect(byNumber.body.pagination.total).toBe(1);
    // The reviewer reads personal fields, so the same search finds the record.
    const found = await reviewer.json<List>('GET', `/review-desk/records?kind=data-application&q=${encodeURIComponent(P.name)}`);
    expect(found.body.rows.map((row) => row.recordNo)).toEqual([records.dataApplication]);
  });

  it('shows a registration to a role without personal fields with them masked', async () => {
    const { status, body } = await hidden.json<{ registration: Record<string, unknown> }>(
      'GET',
      `/bureau-desk/statisticians/${records.statistician}`,
    );
    expect(status).toBe(200);
    expect(body.registration).toMatchObject({ registrationNo: records.statistician, name: '（无权查看）', phone: '（无权查看）' });
    expect(body.registration.employer).toBe('成都某制造有限公司');
  });
});
