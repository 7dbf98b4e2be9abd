import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminRoleCode, adminRoles, superAdminRole } from '../../../config/src/admin/roles.ts';
import { cmPath, type Staff, signInAs } from '../support/admin.ts';
import { SAMPLE_PDF } from '../support/files.ts';
import { inJinjiang, unitCode, validAgency, validInstitution, validStatistician } from '../support/fixtures.ts';
import { postJson, type Submitted } from '../support/http.ts';
import { bootCms, createApiToken, type TestCms } from '../support/strapi.ts';

const STATDESK_ROLES = [superAdminRole.displayName, ...adminRoles.map((role) => role.displayName)].sort();
const HOLDERS_OF_PASSWORDS = ['api::statistician.statistician', 'api::institution.institution', 'api::agency.agency'];
/** What a stored query password looks like (lib/password-hash), wherever it would leak. */
const LEAKS = /passwordHash|scrypt\$/;

interface StoredRole {
  id: number;
  name: string;
  code: string;
}

const roleNames = async (cms: TestCms) =>
  ((await cms.strapi.db.query('admin::role').findMany({})) as Array<{ name: string }>).map((role) => role.name).sort();

/** Strapi's own Editor role as its first start makes it, with a grant on the statisticians. */
async function putBackStrapiEditor(cms: TestCms): Promise<number> {
  const editor = (await cms.strapi.db
    .query('admin::role')
    .create({ data: { name: 'Editor', code: 'strapi-editor', description: 'Editors can manage and publish contents.' } })) as {
    id: number;
  };
  await cms.strapi.db.query('admin::permission').create({
    data: {
      action: 'plugin::content-manager.explorer.read',
      subject: 'api::statistician.statistician',
      properties: {},
      conditions: [],
      role: editor.id,
    },
  });
  return editor.id;
}

async function addAdminUser(cms: TestCms, email: string, roleIds: number[]): Promise<void> {
  await cms.strapi.db.query('admin::user').create({ data: { email, firstname: '测试', lastname: '编辑', isActive: true, roles: roleIds } });
}

const userOf = async (cms: TestCms, email: string) =>
  (await cms.strapi.db.query('admin::user').findOne({ where: { email }, populate: ['roles'] })) as {
    isActive: boolean;
    roles: Array<{ name: string }>;
  };

/** An agency registered as the site does it, for one enterprise of the master data. */
async function registerAgency(cms: TestCms): Promise<{ registrationNo: string; queryPassword: string }> {
  const token = await createApiToken(cms, 'full-access');
  const code = unitCode(1, '91510100MA');
  await fetch(`${cms.url}/api/direct-report/enterprises`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify([inJinjiang(code, '企业1')]),
  });
  const form = new FormData();
  form.append('data', JSON.stringify(validAgency([{ code, name: '企业1' }])));
  for (const name of ['businessLicence', 'legalPersonCertificate', 'letter.0'])
    form.append(name, new Blob([new Uint8Array(SAMPLE_PDF)]), `${name}.pdf`);
  const response = await fetch(`${cms.url}/api/public/agencies`, { method: 'POST', body: form });
  expect(response.status).toBe(201);
  return (await response.json()) as { registrationNo: string; queryPassword: string };
}

describe("the admin offers StatDesk's roles only, and no role sees a password hash", () => {
  let cms: TestCms;

  beforeAll(async () => {
    cms = await bootCms('staff_roles');
  });
  afterAll(async () => {
    await cms?.stop();
  });

  it("leaves no Editor or Author of Strapi's after the first start", async () => {
    expect(await roleNames(cms)).toEqual(STATDESK_ROLES);
  });

  it('removes an Editor role put back since at the next start, deactivating whoever held only it', async () => {
    const editorId = await putBackStrapiEditor(cms);
    const reviewer = (await cms.strapi.db.query('admin::role').findOne({ where: { code: adminRoleCode('Reviewer') } })) as { id: number };
    await addAdminUser(cms, 'only-editor@centre.example', [editorId]);
    await addAdminUser(cms, 'editor-and-reviewer@centre.example', [editorId, reviewer.id]);

    cms = await cms.restart();

    expect(await roleNames(cms)).toEqual(STATDESK_ROLES);
    expect(await cms.strapi.db.query('admin::permission').count({ where: { role: { id: editorId } } })).toBe(0);
    expect(await userOf(cms, 'only-editor@centre.example')).toMatchObject({ isActive: false, roles: [] });
    const both = await userOf(cms, 'editor-and-reviewer@centre.example');
    expect(both.isActive).toBe(true);
    expect(both.roles.map((role) => role.name)).toEqual(['审核员']);
  });

  it('names the roles in zh-CN for staff, each under a code that does not change', async () => {
    const roles = (await cms.strapi.db.query('admin::role').findMany({ where: { code: { $startsWith: 'statdesk-' } } })) as StoredRole[];
    expect(roles.map(({ name, code }) => `${code} ${name}`).sort()).toEqual([
      'statdesk-bureau-staff 统计局业务人员',
      'statdesk-city-bureau 市州统计局',
      'statdesk-content-editor 内容编辑',
      'statdesk-county-bureau 县区统计局',
      'statdesk-province-collection-centre 省数据采集中心',
      'statdesk-reviewer 审核员',
    ]);
  });

  it('renames a role stored under its English code name, keeping the role, its holders and its permissions', async () => {
    const query = cms.strapi.db.query('admin::role');
    const reviewer = (await query.findOne({ where: { code: adminRoleCode('Reviewer') } })) as StoredRole;
    // As a database from before the zh-CN names holds it: Strapi's generated code, the code name shown.
    await query.update({ where: { id: reviewer.id }, data: { name: 'Reviewer', code: 'reviewer-1764633600000' } });
    await addAdminUser(cms, 'old-reviewer@centre.example', [reviewer.id]);

    cms = await cms.restart();

    expect(await cms.strapi.db.query('admin::role').findOne({ where: { id: reviewer.id } })).toMatchObject({
      name: '审核员',
      code: 'statdesk-reviewer',
    });
    expect((await userOf(cms, 'old-reviewer@centre.example')).roles.map((role) => role.name)).toEqual(['审核员']);
    expect(await roleNames(cms)).toEqual(STATDESK_ROLES);
  });

  describe('password hashes', () => {
    let superAdmin: Staff;
    let statistician: { registrationNo: string; queryPassword: string };
    let agency: { registrationNo: string; queryPassword: string };
    let institution: Submitted;

    beforeAll(async () => {
      superAdmin = await signInAs(cms, 'Super Admin', 'root@centre.example');
      institution = (await postJson<Submitted>(cms.url, '/api/public/institutions', validInstitution())).body;
      statistician = (await postJson<typeof statistician>(cms.url, '/api/public/statisticians', validStatistician())).body;
      agency = await registerAgency(cms);
      for (const uid of HOLDERS_OF_PASSWORDS) expect(await cms.strapi.db.query(uid as never).count({})).toBe(1);
    });

    it.each(HOLDERS_OF_PASSWORDS)('are not in the Content Manager answers of %s, even to a super admin', async (uid) => {
      const list = await superAdmin.json<{ results: Array<{ documentId: string }> }>('GET', cmPath(uid));
      expect(list.status).toBe(200);
      expect(list.body.results).toHaveLength(1);
      expect(JSON.stringify(list.body)).not.toMatch(LEAKS);
      const one = await superAdmin.json<{ data: Record<string, unknown> }>('GET', cmPath(uid, list.body.results[0]?.documentId));
      expect(one.status).toBe(200);
      expect(one.body.data).toHaveProperty('createdAt');
      expect(JSON.stringify(one.body)).not.toMatch(LEAKS);
    });

    it('stay stored when a super admin saves a statistician in the Content Manager, so the look-up still opens it', async () => {
      const uid = 'api::statistician.statistician';
      const list = await superAdmin.json<{ results: Array<{ documentId: string }> }>('GET', cmPath(uid));
      const path = cmPath(uid, list.body.results[0]?.documentId);
      const { body } = await superAdmin.json<{ data: Record<string, unknown> }>('GET', path);
      const saved = await superAdmin.json('PUT', path, { ...body.data, employer: '成都某某统计服务有限公司' });
      expect(saved.status).toBe(200);
      const lookUp = await postJson(cms.url, '/api/public/statisticians/lookup', {
        idNumber: validStatistician().idNumber,
        password: statistician.queryPassword,
      });
      expect(lookUp.status).toBe(200);
      expect(lookUp.body).toMatchObject({ registration: { employer: '成都某某统计服务有限公司' } });
    });

    it('are not in the answers of the public look-ups that open the records', async () => {
      const answers = [
        await postJson(cms.url, '/api/public/query', { phone: validInstitution().contactPhone, password: institution.queryPassword }),
        await postJson(cms.url, '/api/public/statisticians/lookup', {
          idNumber: validStatistician().idNumber,
          password: statistician.queryPassword,
        }),
        await postJson(cms.url, '/api/public/agencies/lookup', { registrationNo: agency.registrationNo, password: agency.queryPassword }),
      ];
      for (const answer of answers) {
        expect(answer.status).toBe(200);
        expect(JSON.stringify(answer.body)).not.toMatch(LEAKS);
      }
    });
  });
});
