import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cmPath, type Staff, signInAs } from '../support/admin.ts';
import { validInstitution } from '../support/fixtures.ts';
import { postJson } from '../support/http.ts';
import { bootCms, type TestCms } from '../support/strapi.ts';

type List = { results: Array<{ recordNo: string; status?: string }> };
const INSTITUTION = 'api::institution.institution';

/** The Content Manager's lists show each record's review status, not Strapi's draft/publish one. */
describe('the Content Manager list of a type with a workflow status', () => {
  let cms: TestCms;
  let reviewer: Staff;
  let waiting: string;
  let returned: string;

  const submit = async (name: string) =>
    (await postJson<{ applicationNo: string }>(cms.url, '/api/public/institutions', validInstitution({ fullName: name }))).body
      .applicationNo;
  const list = (query = '') => reviewer.json<List>('GET', `${cmPath(INSTITUTION)}?page=1&pageSize=50${query}`);

  beforeAll(async () => {
    cms = await bootCms('own_status_in_lists');
    reviewer = await signInAs(cms, 'Reviewer', 'reviewer@own-status.example');
    waiting = await submit('等待上传大学');
    returned = await submit('退回修改大学');
    await cms.strapi.db.query(INSTITUTION).update({ where: { recordNo: returned }, data: { status: 'returned' } });
  });
  afterAll(async () => {
    await cms?.stop();
  });

  it('answers each row with its stored review status, not `published`', async () => {
    const answer = await list();
    expect(answer.status).toBe(200);
    const statusOf = Object.fromEntries(answer.body.results.map((row) => [row.recordNo, row.status]));
    expect(statusOf).toEqual({ [waiting]: 'awaiting_upload', [returned]: 'returned' });
  });

  it('filters the list by review status', async () => {
    const answer = await list('&filters[$and][0][status][$eq]=returned');
    expect(answer.body.results.map((row) => [row.recordNo, row.status])).toEqual([[returned, 'returned']]);
  });

  it('keeps the draft/publish state of a type that has no status of its own', async () => {
    const answer = await reviewer.json<{ results: Array<{ status?: string }> }>(
      'GET',
      `${cmPath('api::dataset.dataset')}?page=1&pageSize=1`,
    );
    expect(answer.status).toBe(200);
    for (const row of answer.body.results) expect(row.status).toBe('published');
  });
});
