import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assignRegion, type Staff, signInAs } from '../support/admin.ts';
import { gateLinkFor, unitCode, units, validStatistician } from '../support/fixtures.ts';
import { fieldErrors, postJson } from '../support/http.ts';
import { bootCms, createApiToken, type TestCms } from '../support/strapi.ts';

interface Registration {
  registrationNo: string;
  serviceUnits: Array<{ code: string; name: string; verified: boolean }>;
}
interface History {
  action: string;
  actionLabel: string;
  actor: string;
  changes: Record<string, { from: unknown; to: unknown }> | null;
}

/** A link signed as cms/src/lib/gate-link.ts signs it, with the test Strapi's secret (it runs in this process). */
function signedLink(code: string, expiresAtSeconds: number): string {
  const secret = process.env.JWT_SECRET ?? process.env.APP_KEYS?.split(',')[0];
  const payload = `${code}.${expiresAtSeconds}`;
  return `${payload}.${createHmac('sha256', `gate-link:${secret}`).update(payload).digest('base64url')}`;
}

/**
 * seeds/004 §十: the platform asks the gate while the person is logged in with the enterprise's
 * account, so a link it hands out is proof of the enterprise; a code typed by hand is not.
 */
describe('the gate trusts only service units the platform vouched for or the bureau confirmed', () => {
  let cms: TestCms;
  let platformToken: string;
  let county: Staff;
  const gate = async (code: string) =>
    (await (
      await fetch(`${cms.url}/api/direct-report/gate/${code}`, { headers: { authorization: `Bearer ${platformToken}` } })
    ).json()) as {
      allowed: boolean;
      registeredStatisticians: number;
      registrationLink?: { url: string; token: string; expiresAt: string };
    };
  const register = (body: Record<string, unknown>) =>
    postJson<{ registrationNo: string; queryPassword: string }>(cms.url, '/api/public/statisticians', validStatistician(body));
  const readLink = (token: string) => fetch(`${cms.url}/api/public/statisticians/gate-links/${encodeURIComponent(token)}`);
  const addUnit = (token: string, body: unknown) =>
    postJson<{ token: string; registration: Registration }>(
      cms.url,
      `/api/public/statisticians/gate-links/${encodeURIComponent(token)}/units`,
      body,
    );
  const history = async (no: string) => (await county.json<{ history: History[] }>('GET', `/bureau-desk/statisticians/${no}`)).body.history;

  beforeAll(async () => {
    cms = await bootCms('gate_links', { SITE_PUBLIC_URL: 'https://www.stats.example' });
    platformToken = await createApiToken(cms, 'read-only');
    county = await signInAs(cms, 'County bureau', 'county-gate@bureau.example');
    await assignRegion(cms, county.email, '510104');
    await cms.strapi.db.query('api::enterprise.enterprise').create({
      data: {
        code: unitCode(1),
        name: '成都示例制造有限公司',
        cityCode: '510100',
        countyCode: '510104',
        category: 'industry',
        active: true,
      },
    });
  });
  afterAll(async () => {
    await cms?.stop();
  });

  it('answers a refusal with a signed, expiring registration link on the site, and none once allowed', async () => {
    const answer = await gate(unitCode(1));
    expect(answer).toMatchObject({ allowed: false, registeredStatisticians: 0 });
    const link = answer.registrationLink;
    expect(link?.url).toBe(`https://www.stats.example/statisticians/register?gate=${link?.token}`);
    expect(link?.token).toMatch(new RegExp(`^${unitCode(1)}\\.\\d+\\.[\\w-]{43}$`));
    const hours = (Date.parse(link?.expiresAt ?? '') - Date.now()) / 3_600_000;
    expect(hours).toBeGreaterThan(1.7);
    expect(hours).toBeLessThanOrEqual(2);
    // Minted once per window: the hot path does not sign per request.
    expect((await gate(unitCode(1))).registrationLink).toEqual(link);
  });

  it('tells the site which enterprise a link names, and refuses a tampered or expired one with its message', async () => {
    const { token } = await gateLinkFor(cms.url, platformToken, unitCode(1));
    const read = await readLink(token);
    expect(read.status).toBe(200);
    expect(await read.json()).toMatchObject({ enterpriseCode: unitCode(1), enterpriseName: '成都示例制造有限公司' });

    const [, exp, signature] = token.split('.');
    for (const tampered of [`${unitCode(2)}.${exp}.${signature}`, `${unitCode(1)}.${Number(exp) + 3600}.${signature}`, 'garbage']) {
      const refused = await readLink(tampered);
      expect(refused.status).toBe(400);
      expect(fieldErrors(await refused.json()).gateToken).toBe(
        '注册链接无效。请以企业账号登录四川统计数据采集处理平台，重新打开平台给出的注册链接。',
      );
    }
    const expired = await readLink(signedLink(unitCode(1), Math.floor(Date.now() / 1000) - 1));
    expect(expired.status).toBe(400);
    expect(fieldErrors(await expired.json()).gateToken).toBe(
      '注册链接已过期。请以企业账号登录四川统计数据采集处理平台，重新打开平台给出的注册链接。',
    );
  });

  it('keeps the gate closed for units typed by hand', async () => {
    const { status } = await register({ idNumber: '110101199003074477', serviceUnits: units(1, 5) });
    expect(status).toBe(201);
    expect(await gate(unitCode(5))).toMatchObject({ allowed: false, registeredStatisticians: 0 });
  });

  it('refuses a registration through a link that leaves the enterprise out, or with a forged link', async () => {
    const { token } = await gateLinkFor(cms.url, platformToken, unitCode(1));
    const without = await register({ idNumber: '510104198507150014', serviceUnits: units(1, 2), gateToken: token });
    expect(without.status).toBe(400);
    expect(fieldErrors(without.body).serviceUnits).toBe(`经企业链接注册时，统计服务单位中须有该企业（${unitCode(1)}）`);
    const forged = await register({ idNumber: '510104198507150014', serviceUnits: units(1), gateToken: `${token}x` });
    expect(forged.status).toBe(400);
    expect(await gate(unitCode(1))).toMatchObject({ allowed: false });
  });

  it('binds the link’s enterprise as verified on registering through it, which opens its gate only', async () => {
    const { token } = await gateLinkFor(cms.url, platformToken, unitCode(1));
    const { status, body } = await register({ idNumber: '510104198507150014', serviceUnits: units(2), gateToken: token });
    expect(status).toBe(201);
    expect(await gate(unitCode(1))).toEqual({
      allowed: true,
      registeredStatisticians: 1,
      message: '本企业已有注册登记的统计人员，可以报表。',
    });
    expect(await gate(unitCode(2))).toMatchObject({ allowed: false });
    const [registered] = await history(body.registrationNo);
    expect(registered).toMatchObject({ action: 'register', changes: { verifiedUnit: { from: null, to: unitCode(1) } } });
  });

  it('lets a registered person add another enterprise through its link, verified, with ID and query password (§十二)', async () => {
    const first = await register({ idNumber: '11010519491231002X', serviceUnits: units(1, 7) });
    const { token } = await gateLinkFor(cms.url, platformToken, unitCode(8));
    const wrong = await addUnit(token, { idNumber: '11010519491231002X', password: 'AAAA-BBBB-CCCC' });
    expect(wrong.status).toBe(401);
    expect(await gate(unitCode(8))).toMatchObject({ allowed: false });

    const added = await addUnit(token, { idNumber: '11010519491231002X', password: first.body.queryPassword });
    expect(added.status, JSON.stringify(added.body)).toBe(200);
    expect(added.body.registration.serviceUnits).toEqual([
      expect.objectContaining({ code: unitCode(7), verified: false }),
      expect.objectContaining({ code: unitCode(8), name: unitCode(8), verified: true }),
    ]);
    expect(await gate(unitCode(8))).toMatchObject({ allowed: true, registeredStatisticians: 1 });
    // A unit listed already, typed by hand, becomes verified through its own enterprise's link.
    const own = await gateLinkFor(cms.url, platformToken, unitCode(7));
    await addUnit(own.token, { idNumber: '11010519491231002X', password: first.body.queryPassword });
    expect(await gate(unitCode(7))).toMatchObject({ allowed: true });
    const events = await history(first.body.registrationNo);
    expect(events.filter((e) => e.action === 'add_unit')).toEqual([
      expect.objectContaining({ actionLabel: '本人经企业链接增加服务单位（已核实）', actor: '本人' }),
      expect.objectContaining({ changes: { verifiedUnit: { from: null, to: unitCode(7) } } }),
    ]);
  });

  it('refuses to add a 31st unit through a link', async () => {
    const full = await register({ idNumber: '510105198001010010', serviceUnits: units(30, 100) });
    const { token } = await gateLinkFor(cms.url, platformToken, unitCode(200));
    const refused = await addUnit(token, { idNumber: '510105198001010010', password: full.body.queryPassword });
    expect(refused.status).toBe(409);
    expect(fieldErrors(refused.body).gateToken).toBe('注册表最多填写30个统计服务单位，已无法再增加。请联系当地统计局开放注册表后调整。');
  });

  it('opens the gate for a hand-typed unit once the bureau confirms it, recorded in the history', async () => {
    const { body } = await register({ idNumber: '510104199001010019', serviceUnits: units(1, 9) });
    const path = `/bureau-desk/statisticians/${body.registrationNo}/units`;
    const unknown = await county.json<{ error: { message: string } }>('POST', `${path}/${unitCode(10)}/confirm`, {});
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.message).toBe(`该注册表中没有统计服务单位 ${unitCode(10)}`);

    const confirmed = await county.json<Registration>('POST', `${path}/${unitCode(9)}/confirm`, { reason: '已电话核实' });
    expect(confirmed.status, JSON.stringify(confirmed.body)).toBe(200);
    expect(confirmed.body.serviceUnits).toEqual([expect.objectContaining({ code: unitCode(9), verified: true })]);
    expect(await gate(unitCode(9))).toMatchObject({ allowed: true });
    const again = await county.json<{ error: { message: string } }>('POST', `${path}/${unitCode(9)}/confirm`, {});
    expect(again.status).toBe(409);
    expect(again.body.error.message).toBe(`统计服务单位 ${unitCode(9)} 已核实`);
    expect((await history(body.registrationNo)).at(-1)).toMatchObject({
      action: 'confirm_unit',
      actionLabel: '统计局核实服务单位',
      changes: { verifiedUnit: { from: null, to: unitCode(9) } },
    });
  });

  it('does not let a Content Manager edit verify a unit, and keeps the verified ones verified', async () => {
    const { token } = await gateLinkFor(cms.url, platformToken, unitCode(11));
    const { body } = await register({ idNumber: '510104198801010012', serviceUnits: units(1, 11), gateToken: token });
    const entry = (await cms.strapi.db
      .query('api::statistician.statistician')
      .findOne({ where: { registrationNo: body.registrationNo } })) as {
      documentId: string;
    };
    const edited = await county.json('PUT', `/content-manager/collection-types/api::statistician.statistician/${entry.documentId}`, {
      serviceUnits: [...units(1, 11), { ...units(1, 12)[0], verified: true }],
    });
    expect(edited.status).toBe(200);
    expect(await gate(unitCode(11))).toMatchObject({ allowed: true });
    expect(await gate(unitCode(12))).toMatchObject({ allowed: false });
  });
});
