import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CMS_DIR } from '../../../scripts/lib/paths.ts';
import { assignRegion, cmPath, type Staff, signInAs } from '../support/admin.ts';
import { validStatistician } from '../support/fixtures.ts';
import { postJson } from '../support/http.ts';
import { bootCms, type TestCms } from '../support/strapi.ts';

const HISTORY = 'api::review-event.review-event';
const MIGRATION = join(CMS_DIR, 'database/migrations/2026.12.02T00.00.00.history-without-personal-values.sql');
const OLD_PHONE = '15900159011';
const NEW_PHONE = '13700137011';

/**
 * The review history records which fields an edit on a person's behalf changed and who changed
 * them, never a personal field's values; staff read it only with a record they may open.
 */
describe('the review history keeps personal values out and is read only with its record', () => {
  let cms: TestCms;
  let db: pg.Client;
  let county: Staff;
  let registrationNo: string;

  const storedChanges = async (action: string) =>
    (await db.query('select changes::text as changes from review_events where record_no = $1 and action = $2', [registrationNo, action]))
      .rows as Array<{ changes: string }>;

  beforeAll(async () => {
    cms = await bootCms('review_history');
    db = new pg.Client({ connectionString: cms.databaseUrl });
    await db.connect();
    county = await signInAs(cms, 'County bureau', 'county@history.example');
    // 辖区分配: the county of the registration's service unit (锦江区).
    await assignRegion(cms, county.email, '510104');
    const registered = await postJson<{ registrationNo: string }>(
      cms.url,
      '/api/public/statisticians',
      validStatistician({ phone: OLD_PHONE }),
    );
    expect(registered.status).toBe(201);
    registrationNo = registered.body.registrationNo;
  });
  afterAll(async () => {
    await db?.end();
    await cms?.stop();
  });

  it('refuses the review history in the Content Manager to every staff role, statisticians’ or not', async () => {
    const roles = ['Reviewer', 'Content editor', 'Bureau staff', 'County bureau', 'City bureau', 'Province collection centre'];
    for (const [i, role] of roles.entries()) {
      const staff = i === 3 ? county : await signInAs(cms, role, `history-${i}@stats.example`);
      const list = await staff.call('GET', cmPath(HISTORY));
      expect(list.status, role).toBe(403);
    }
  });

  it('stores an edit on the person’s behalf with the personal fields by name only, other fields with their values', async () => {
    const entry = (await cms.strapi.db.query('api::statistician.statistician').findOne({ where: { registrationNo } })) as {
      documentId: string;
    };
    const edited = await county.json('PUT', cmPath('api::statistician.statistician', entry.documentId), {
      phone: NEW_PHONE,
      employer: '成都某某统计服务有限公司',
    });
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);
    const [row] = await storedChanges('edit');
    expect(row?.changes).not.toContain(OLD_PHONE);
    expect(row?.changes).not.toContain(NEW_PHONE);
    expect(JSON.parse(row?.changes ?? 'null')).toEqual({
      phone: { withheld: true },
      employer: { from: '成都某制造有限公司', to: '成都某某统计服务有限公司' },
    });
  });

  it('serves the history with the record on the bureau desk, naming the changed field by its label', async () => {
    const { status, body } = await county.json<{
      history: Array<{ actionLabel: string; actor: string; changes: Record<string, unknown> | null }>;
      fieldLabels: Record<string, string>;
    }>('GET', `/bureau-desk/statisticians/${registrationNo}`);
    expect(status).toBe(200);
    const edit = body.history.find((event) => event.actionLabel === '统计局代为修改');
    expect(edit).toMatchObject({ actor: 'County bureau测试 <county@history.example>', changes: { phone: { withheld: true } } });
    expect(body.fieldLabels.phone).toBe('手机号码');
    expect(JSON.stringify(body.history)).not.toContain(OLD_PHONE);
  });

  it('strips the personal values that history rows stored before, keeping the other values', async () => {
    const stored = {
      phone: { from: OLD_PHONE, to: NEW_PHONE },
      idNumber: { from: '11010519491231002X', to: '110105194912310021' },
      employer: { from: '甲', to: '乙' },
    };
    await db.query(
      `insert into review_events (document_id, record_no, action, from_status, to_status, actor, changes, at, created_at, updated_at)
       values ('old-history-row', $1, 'edit', 'locked', 'locked', '旧记录', $2, now(), now(), now())`,
      [registrationNo, JSON.stringify(stored)],
    );
    await db.query(readFileSync(MIGRATION, 'utf8'));
    const { rows } = await db.query("select changes::text as changes from review_events where document_id = 'old-history-row'");
    expect(JSON.parse(rows[0].changes)).toEqual({
      phone: { withheld: true },
      idNumber: { withheld: true },
      employer: { from: '甲', to: '乙' },
    });
  });

  it('strips in the migration exactly the fields the code withholds', async () => {
    const compiled = '../../../cms/dist/src/lib/personal-fields.js';
    const { allPersonalFieldNames } = (await import(compiled)) as { allPersonalFieldNames: Set<string> };
    const listed = /personal text\[\] := array\[([^\]]*)\]/.exec(readFileSync(MIGRATION, 'utf8'))?.[1] ?? '';
    const names = [...listed.matchAll(/'([^']+)'/g)].map((match) => match[1]);
    expect(names.sort()).toEqual([...allPersonalFieldNames].sort());
  });
});
