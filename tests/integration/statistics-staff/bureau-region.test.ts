import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assignRegion, cmPath, type Staff, signInAs } from '../support/admin.ts';
import { unitCode, validStatistician } from '../support/fixtures.ts';
import { postJson } from '../support/http.ts';
import { bootCms, type TestCms } from '../support/strapi.ts';

interface DeskRecord {
  canManage: boolean;
  readOnlyReason?: string;
  registration: { state: string };
}
type Refusal = { error: { message: string } };

const OUTSIDE = '该统计从业人员的统计服务单位都不在您的辖区内，请由其服务单位所在地统计局办理';
const UNASSIGNED = '您的账号尚未分配辖区，请联系系统管理员在“辖区分配”中设置';

/** seeds/004 §十二: the person asks the local bureau; a county bureau acts in its own region only, as for agencies (§七). */
describe('a county bureau reopens, corrects and removes the registrations of its own region only', () => {
  let cms: TestCms;
  let jinjiang: Staff;
  let wuhou: Staff;
  let unassigned: Staff;
  let staff: Staff;
  let registrationNo: string;
  let documentId: string;

  const record = (who: Staff) => who.json<DeskRecord>('GET', `/bureau-desk/statisticians/${registrationNo}`);
  const reopen = (who: Staff) => who.json<Refusal>('POST', `/bureau-desk/statisticians/${registrationNo}/reopen`, { reason: '本人申请' });
  const edit = (who: Staff, data: Record<string, unknown>) =>
    who.json<Refusal>('PUT', cmPath('api::statistician.statistician', documentId), data);

  beforeAll(async () => {
    cms = await bootCms('statistician_region');
    [jinjiang, wuhou, unassigned, staff] = await Promise.all([
      signInAs(cms, 'County bureau', 'jinjiang@bureau.example'),
      signInAs(cms, 'County bureau', 'wuhou@bureau.example'),
      signInAs(cms, 'County bureau', 'new@bureau.example'),
      signInAs(cms, 'Bureau staff', 'staff@bureau.example'),
    ]);
    await assignRegion(cms, jinjiang.email, '510104');
    await assignRegion(cms, wuhou.email, '510107');
    // Both units were registered in 锦江区 (510104): digits 3–8 of their credit codes.
    const serviceUnits = [1, 2].map((n) => ({ code: unitCode(n), name: `服务单位${n}`, role: 'specialised' }));
    const { body } = await postJson<{ registrationNo: string }>(
      cms.url,
      '/api/public/statisticians',
      validStatistician({ idNumber: '510104198507150014', serviceUnits }),
    );
    registrationNo = body.registrationNo;
    const row = await cms.strapi.db.query('api::statistician.statistician').findOne({ where: { registrationNo } });
    documentId = (row as { documentId: string }).documentId;
  });
  afterAll(async () => {
    await cms?.stop();
  });

  it('shows another county’s registration read only and refuses its reopening and correction there', async () => {
    const { body } = await record(wuhou);
    expect(body).toMatchObject({ canManage: false, readOnlyReason: OUTSIDE });
    expect(await reopen(wuhou)).toEqual({
      status: 403,
      body: expect.objectContaining({ error: expect.objectContaining({ message: OUTSIDE }) }),
    });
    const refused = await edit(wuhou, { employer: '别处单位' });
    expect(refused.status).toBe(400);
    expect(refused.body, JSON.stringify(refused.body)).toMatchObject({ error: { message: OUTSIDE } });
    const row = await cms.strapi.db.query('api::statistician.statistician').findOne({ where: { registrationNo } });
    expect(row).toMatchObject({ locked: true, employer: '成都某制造有限公司' });
  });

  it('tells a county officer without a 辖区 to ask the system administrator', async () => {
    expect((await record(unassigned)).body).toMatchObject({ canManage: false, readOnlyReason: UNASSIGNED });
    expect((await reopen(unassigned)).body.error.message).toBe(UNASSIGNED);
  });

  it('lets the county of the service units and the bureau’s own staff act', async () => {
    expect((await record(jinjiang)).body).toMatchObject({ canManage: true });
    expect((await record(staff)).body).toMatchObject({ canManage: true });
    expect((await edit(jinjiang, { employer: '成都某某统计服务有限公司' })).status).toBe(200);
    expect((await reopen(jinjiang)).status).toBe(200);
  });

  it('keeps a removed registration read only, for its own county too', async () => {
    expect((await jinjiang.json('POST', `/bureau-desk/statisticians/${registrationNo}/remove`, { reason: '已离职' })).status).toBe(200);
    expect((await record(jinjiang)).body).toMatchObject({ registration: { state: 'removed' }, readOnlyReason: '该注册已注销，不能修改' });
    const refused = await edit(jinjiang, { employer: '又一单位' });
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toBe('该注册已注销，不能修改');
    expect((await reopen(jinjiang)).status).toBe(409);
  });

  it('lists the registrations filtered by 注销', async () => {
    const listed = async (status: string) =>
      (
        await jinjiang.json<{ results: Array<{ registrationNo: string }> }>(
          'GET',
          `${cmPath('api::statistician.statistician')}?filters[$and][0][status][$eq]=${status}`,
        )
      ).body.results.map((row) => row.registrationNo);
    expect(await listed('removed')).toEqual([registrationNo]);
    expect(await listed('active')).not.toContain(registrationNo);
  });
});
