import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postJson } from './support/http.ts';
import { bootCms, createApiToken, type TestCms } from './support/strapi.ts';

describe('demo data for npm start', () => {
  let cms: TestCms;
  beforeAll(async () => {
    cms = await bootCms('demo', { STATDESK_SEED_DEMO: 'true' });
  });
  afterAll(async () => {
    await cms?.stop();
  });

  it('seeds institutions in several states that the README’s demo password opens', async () => {
    const statuses = await cms.strapi.db.connection('institutions').select('status').orderBy('id');
    expect(statuses.map((r: { status: string }) => r.status)).toEqual(['approved', 'awaiting_review', 'awaiting_upload']);
    const { status, body } = await postJson<{ records: Array<{ organisation: string; statusLabel: string }> }>(
      cms.url,
      '/api/public/query',
      {
        phone: '15800000000',
        password: 'DEMO-2026-QP',
      },
    );
    expect(status).toBe(200);
    expect(body.records).toMatchObject([{ organisation: '北京大学', statusLabel: '审核通过' }]);
  });

  it('gives each demo institution its own credit code, as registration demands', async () => {
    const codes = (await cms.strapi.db.connection('institutions').pluck('credit_code')) as string[];
    expect(codes).toHaveLength(3);
    expect(new Set(codes).size).toBe(3);
  });

  it('seeds a meaningful direct-reporting report for the 21 市州 of Sichuan', async () => {
    const reports = cms.strapi.service('api::direct-report.report' as never) as unknown as {
      find(
        period: string,
        filter: object,
        scope?: object,
        whatIf?: { threshold?: number },
      ): Promise<{
        closing: { closedAt: string; closedBy: string } | null;
        totals: { required: number; initialRate: number };
        cities: Array<{ flags: string[] }>;
        sharedIps: Array<{ operator: { cause: string } | null }>;
        operatorCauses: Array<{ cause: string }>;
      }>;
    };
    const october = await reports.find('2026-10', {});
    expect(october.totals.required).toBeGreaterThan(2000);
    expect(october.cities).toHaveLength(21);
    expect(october.totals.initialRate).toBeGreaterThan(50);
    expect(october.sharedIps.length).toBeGreaterThan(5);
    expect(october.cities.some((c) => c.flags.length > 0)).toBe(true);
    // The township and central offices behind the synthetic shared IPs are known addresses.
    const causes = new Set(october.sharedIps.map((s) => s.operator?.cause));
    expect(causes.has('township_station') && causes.has('supervising_department')).toBe(true);
    expect(new Set(october.operatorCauses.map((c) => c.cause))).toEqual(
      new Set(['township_station', 'supervising_department', 'agent_agency']),
    );
    const quarter = await reports.find('2026-Q3', {});
    expect(quarter.totals.required).toBeGreaterThan(october.totals.required);
    // The quarter is closed (收口) and reads what was stored, the same as computing it again.
    expect(quarter.closing).toMatchObject({ closedBy: '演示数据' });
    expect(october.closing).toBeNull();
    const computed = await reports.find('2026-Q3', {}, {}, { threshold: 5 });
    expect(computed.closing).toEqual(quarter.closing);
    expect({ ...computed.totals, cities: computed.cities, sharedIps: computed.sharedIps }).toEqual({
      ...quarter.totals,
      cities: quarter.cities,
      sharedIps: quarter.sharedIps,
    });
  });

  it('seeds agencies at three points of the chain, none confirmed, that the demo password opens', async () => {
    const agencies = (await cms.strapi.db.connection('agencies').select('registration_no', 'status').orderBy('id')) as Array<{
      registration_no: string;
      status: string;
    }>;
    expect(agencies.map((a) => a.status)).toEqual(['county_review', 'province_review', 'rejected']);
    expect(await cms.strapi.db.query('api::delegation.delegation').count({ where: { agencyNo: { $notNull: true } } })).toBe(0);
    const refused = await postJson<{ agency: { statusLabel: string; reason: string; history: unknown[] } }>(
      cms.url,
      '/api/public/agencies/lookup',
      { registrationNo: agencies[2]?.registration_no, password: 'DEMO-2026-QP' },
    );
    expect(refused.status).toBe(200);
    expect(refused.body.agency).toMatchObject({ statusLabel: '未通过', reason: '委托书未加盖企业公章，请补充后重新登记' });
    expect(refused.body.agency.history).toHaveLength(3);
  });

  it('seeds statistics staff registered, reopened and removed, opened by the demo password, that the gate reads', async () => {
    const rows = (await cms.strapi.db
      .connection('statisticians')
      .select('id_number', 'status', 'locked', 'service_units')
      .orderBy('id')) as Array<{ id_number: string; status: string; locked: boolean; service_units: string }>;
    expect(rows.map((r) => [r.status, r.locked])).toEqual([
      ['active', true],
      ['active', false],
      ['removed', true],
    ]);
    const reopened = await postJson<{ registration: { stateLabel: string; serviceUnits: unknown[] } }>(
      cms.url,
      '/api/public/statisticians/lookup',
      { idNumber: rows[1]?.id_number, password: 'DEMO-2026-QP' },
    );
    expect(reopened.status).toBe(200);
    expect(reopened.body.registration.stateLabel).toBe('已开放注册表，待本人修改');
    // Their units are enterprises of the direct-reporting demo: the registered one's may report,
    // the removed one's may not.
    const token = await createApiToken(cms, 'read-only');
    const gate = async (code: string | undefined) =>
      (
        (await (await fetch(`${cms.url}/api/direct-report/gate/${code}`, { headers: { authorization: `Bearer ${token}` } })).json()) as {
          allowed: boolean;
        }
      ).allowed;
    // Strapi reads jsonb columns as text.
    const [registered, , removed] = rows.map((r) => (JSON.parse(r.service_units) as Array<{ code: string }>)[0]?.code);
    expect(await cms.strapi.db.query('api::enterprise.enterprise').count({ where: { code: registered } })).toBe(1);
    expect(await gate(registered)).toBe(true);
    expect(await gate(removed)).toBe(false);
  });

  it('gives the demo data application a waiting review', async () => {
    const row = await cms.strapi.db.query('api::data-application.data-application').findOne({ where: { leaderPhone: '15500000000' } });
    expect(row).toMatchObject({ status: 'awaiting_review', organisationName: '北京大学' });
  });

  it('seeds data applications decided over past months, so that /stats and /query show real figures', async () => {
    const response = await fetch(`${cms.url}/api/public/turnaround`);
    const { data } = (await response.json()) as {
      data: { groups: Array<{ kind: string; decided: number }>; recent: Array<{ kind: string; decided: number }> };
    };
    const published = data.groups.filter((g) => g.kind === 'data-application');
    expect(published.length).toBeGreaterThanOrEqual(2);
    expect(published.every((g) => g.decided >= 5)).toBe(true);
    expect(data.recent).toContainEqual(expect.objectContaining({ kind: 'data-application' }));
  });
});
