import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validDataApplication, validInstitution, validStatistician } from '../support/fixtures.ts';
import { postJson, type Submitted } from '../support/http.ts';
import { approvedInstitution } from '../support/review.ts';
import { bootCms, type TestCms } from '../support/strapi.ts';

/** Person A's details, each written once into A's records and looked for in every answer. */
const A = {
  idNumber: '11010519491231002X',
  phone: '13912345678',
  spacedPhone: '139 1234 5678',
  email: 'private.person@pku.edu.cn',
  contactEmail: 'a.contact@pku.edu.cn',
  name: '欧阳秘密',
};
const NEEDLES = [A.idNumber, A.idNumber.slice(0, 17), A.phone, A.spacedPhone, '139-1234-5678', A.email, A.contactEmail, A.name];

interface Layer {
  path: string;
  methods: string[];
}

/**
 * docs/operations.md, "Security tests", "Personal data": every route Strapi serves (our APIs, its
 * plugins', the admin's) is called without credentials and with a query token for someone else's
 * records, with path parameters filled from person A's real records. No answer may contain A's ID
 * number, phone, email or name.
 */
describe('a crawl of every route for personal data', () => {
  let cms: TestCms;
  let params: Record<string, string>;
  let otherToken: string;
  let layers: Layer[];
  let ownPassword: string;

  beforeAll(async () => {
    cms = await bootCms('personal_data');
    const institution = await approvedInstitution(cms, { contactPhone: A.spacedPhone, contactEmail: A.contactEmail, legalRepName: A.name });
    const application = (
      await postJson<Submitted>(
        cms.url,
        '/api/public/data-applications',
        validDataApplication(institution.applicationNo, {
          leaderIdNumber: A.idNumber,
          leaderPhone: A.phone,
          leaderEmail: A.email,
          leaderName: A.name,
        }),
      )
    ).body;
    ownPassword = application.queryPassword;
    const statistician = await postJson(
      cms.url,
      '/api/public/statisticians',
      validStatistician({ name: A.name, idNumber: A.idNumber, phone: A.phone, email: A.email }),
    );
    expect(statistician.status).toBe(201);
    // Person B, whose own query token is the "token for another record".
    const other = (
      await postJson<Submitted>(
        cms.url,
        '/api/public/institutions',
        validInstitution({ contactPhone: '13700001111', fullName: '另一个大学' }),
      )
    ).body;
    otherToken = (await postJson<{ token: string }>(cms.url, '/api/public/query', { phone: '13700001111', password: other.queryPassword }))
      .body.token;
    expect(otherToken).toBeTruthy();

    const client = new pg.Client({ connectionString: cms.databaseUrl });
    await client.connect();
    const [row] = (await client.query('select id, document_id from data_applications where record_no = $1', [application.applicationNo]))
      .rows;
    await client.end();
    params = {
      no: application.applicationNo,
      id: String(row.id),
      documentId: row.document_id,
      uid: 'api::data-application.data-application',
      model: 'api::data-application.data-application',
      contentType: 'api::data-application.data-application',
      period: '2026-10',
      enterpriseCode: '91510104MA0000001E',
    };
    layers = (cms.strapi.server.listRoutes() as unknown as Layer[]).filter((layer) => layer.methods.length > 0);
  }, 120_000);
  afterAll(async () => {
    await cms?.stop();
  });

  const fill = (path: string) => path.replace(/:([A-Za-z]+)(\([^)]*\))?\??/g, (_, name: string) => encodeURIComponent(params[name] ?? 'x'));

  it('finds none of person A\u2019s details in any answer, with no credentials or with B\u2019s token', async () => {
    expect(layers.length).toBeGreaterThan(150);
    const leaks: string[] = [];
    const statuses = new Map<number, number>();
    for (const layer of layers) {
      const path = fill(layer.path);
      for (const method of layer.methods.filter((m) => ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'].includes(m))) {
        for (const authorization of [undefined, `Bearer ${otherToken}`]) {
          const headers: Record<string, string> = { 'content-type': 'application/json', ...(authorization && { authorization }) };
          const response = await fetch(`${cms.url}${path}`, { method, headers, body: method === 'GET' ? undefined : '{}' });
          const text = Buffer.from(await response.arrayBuffer()).toString('utf8');
          statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
          for (const needle of NEEDLES)
            if (text.includes(needle)) leaks.push(`${method} ${path} (${authorization ? 'B token' : 'anonymous'}): ${needle}`);
          expect(response.status, `${method} ${path}`).toBeLessThan(500);
        }
      }
    }
    expect(leaks).toEqual([]);
    // The crawl reached the records themselves: the record routes refused B's token, not a missing route.
    expect(statuses.get(401) ?? 0).toBeGreaterThan(50);
  }, 300_000);

  it('shows A their own printable form with their details, so the crawl would have seen a leak', async () => {
    const own = await postJson<{ token: string }>(cms.url, '/api/public/query', { phone: A.phone, password: ownPassword });
    expect(own.status).toBe(200);
    const form = await fetch(`${cms.url}/api/public/records/${params.no}/form.html`, {
      headers: { authorization: `Bearer ${own.body.token}` },
    });
    const text = await form.text();
    expect(form.status).toBe(200);
    expect(text).toContain(A.idNumber);
    expect(text).toContain(A.name);
  });
});
