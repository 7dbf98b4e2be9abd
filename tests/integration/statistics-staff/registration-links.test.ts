import { computeIdCardCheckChar } from '@statdesk/config';
import type { Registration } from '@statdesk/config/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assignRegion, cmPath, type Staff, signInAs } from '../support/admin.ts';
import { gateLinkFor, unitCode, units, validStatistician } from '../support/fixtures.ts';
import { fieldErrors, getJson, postJson } from '../support/http.ts';
import { bootCms, createApiToken, type TestCms } from '../support/strapi.ts';

const LINK = 'api::registration-link.registration-link';

interface Link {
  id: string;
  colleague: string;
  enterpriseCode: string;
  state: string;
  stateLabel: string;
  usedBy: { registrationNo: string; name: string } | null;
}

/** A valid ID number (GB 11643) of someone born in 1990 in 锦江区, the n-th of the test. */
const idNumber = (n: number) => {
  const body = `51010419900101${String(n).padStart(3, '0')}`;
  return body + computeIdCardCheckChar(body);
};

/**
 * seeds/004 §十一: an enterprise's 综合统计人员 assigns a registration form to each colleague; the
 * colleague fills in their own registration through a single-use, expiring, revocable link.
 */
describe('a comprehensive statistician assigns registration forms to colleagues', () => {
  let cms: TestCms;
  let platformToken: string;
  let county: Staff;
  /** The look-up token of the comprehensive statistician, registered through the gate's link. */
  let maker: { token: string; registrationNo: string };
  const enterprise = unitCode(1);

  const register = (body: Record<string, unknown>, headers: Record<string, string> = {}) =>
    postJson<{ registrationNo: string; queryPassword: string }>(cms.url, '/api/public/statisticians', validStatistician(body), headers);
  const lookUp = async (id: string, password: string) =>
    (await postJson<{ token: string; registration: Registration }>(cms.url, '/api/public/statisticians/lookup', { idNumber: id, password }))
      .body;
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
  const createLink = (token: string, body: Record<string, unknown>) =>
    postJson<{ link: { url: string; token: string; expiresAt: string }; links: Link[] }>(
      cms.url,
      '/api/public/statisticians/mine/links',
      body,
      bearer(token),
    );
  const listLinks = (token: string) => getJson<{ links: Link[] }>(cms.url, '/api/public/statisticians/mine/links', bearer(token));
  const revoke = (token: string, id: string) =>
    postJson<{ links: Link[] }>(cms.url, `/api/public/statisticians/mine/links/${id}/revoke`, {}, bearer(token));
  const readLink = (token: string) => getJson(cms.url, `/api/public/statisticians/registration-links/${encodeURIComponent(token)}`);
  const colleagueThrough = (inviteToken: string, n: number, extra: Record<string, unknown> = {}) =>
    register({
      name: `同事${n}`,
      idNumber: idNumber(n),
      serviceUnits: [{ code: enterprise, name: '服务单位1', role: 'specialised' }],
      inviteToken,
      ...extra,
    });

  beforeAll(async () => {
    cms = await bootCms('registration_links', { SITE_PUBLIC_URL: 'https://www.stats.example' });
    platformToken = await createApiToken(cms, 'read-only');
    county = await signInAs(cms, 'County bureau', 'county-links@bureau.example');
    await assignRegion(cms, county.email, '510104');
    const { token: gateToken } = await gateLinkFor(cms.url, platformToken, enterprise);
    const made = await register({ idNumber: idNumber(1), serviceUnits: units(2), gateToken });
    expect(made.status).toBe(201);
    maker = { token: (await lookUp(idNumber(1), made.body.queryPassword)).token, registrationNo: made.body.registrationNo };
  });
  afterAll(async () => {
    await cms?.stop();
  });

  it('makes a link bound to a verified enterprise where the maker is the 综合统计, and lists it as 未使用', async () => {
    const { status, body } = await createLink(maker.token, { enterpriseCode: enterprise, colleague: '张伟' });
    expect(status).toBe(201);
    expect(body.link.url).toBe(`https://www.stats.example/statisticians/register?invite=${body.link.token}`);
    const days = (Date.parse(body.link.expiresAt) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(6.9);
    expect(body.links[0]).toMatchObject({ colleague: '张伟', enterpriseCode: enterprise, state: 'unused', stateLabel: '未使用' });
    // Only the token's HMAC is stored.
    const stored = await cms.strapi.db.connection('registration_links').select('token_hash');
    expect(stored.map((r: { token_hash: string }) => r.token_hash)).not.toContain(body.link.token);
    expect(await readLink(body.link.token)).toMatchObject({
      status: 200,
      body: { enterpriseCode: enterprise, colleague: '张伟', invitedBy: '王芳' },
    });
  });

  it('refuses a link for an unverified unit or a missing colleague, field by field', async () => {
    const { status, body } = await createLink(maker.token, { enterpriseCode: unitCode(2), colleague: '' });
    expect(status).toBe(400);
    expect(fieldErrors(body)).toEqual({ colleague: '请填写同事姓名，以便区分每个链接' });
    const unverified = await createLink(maker.token, { enterpriseCode: unitCode(2), colleague: '李娜' });
    expect(fieldErrors(unverified.body)).toEqual({ enterpriseCode: '只有该企业已核实的综合统计人员可以分配注册表' });
    expect((await createLink('not-a-token', { enterpriseCode: enterprise, colleague: '李娜' })).status).toBe(401);
  });

  it('lets the colleague register once through it, verified and recorded, then refuses the link', async () => {
    const { body: made } = await createLink(maker.token, { enterpriseCode: enterprise, colleague: '刘洋' });
    const used = await colleagueThrough(made.link.token, 2);
    expect(used.status).toBe(201);
    const colleague = (await lookUp(idNumber(2), used.body.queryPassword)).registration;
    expect(colleague.serviceUnits).toEqual([expect.objectContaining({ code: enterprise, verified: true })]);
    expect(colleague.registrarNo).toBe(maker.registrationNo);
    const stored = await cms.strapi.db
      .query('api::statistician.statistician')
      .findOne({ where: { registrationNo: used.body.registrationNo } });
    expect(stored.registrarNo).toBe(maker.registrationNo);
    const history = (
      await county.json<{ history: Array<{ action: string; changes: Record<string, unknown> }> }>(
        'GET',
        `/bureau-desk/statisticians/${used.body.registrationNo}`,
      )
    ).body.history;
    expect(history[0]).toMatchObject({ action: 'register', changes: { registrarNo: { from: null, to: maker.registrationNo } } });

    const again = await colleagueThrough(made.link.token, 3);
    expect(again.status).toBe(410);
    expect(fieldErrors(again.body).inviteToken).toBe('该注册链接已使用过，每个链接只能注册一次。请向本单位综合统计人员重新索取链接。');
    expect((await readLink(made.link.token)).status).toBe(410);
    const listed = (await listLinks(maker.token)).body.links.find((l) => l.id === made.links[0]?.id);
    expect(listed).toMatchObject({ state: 'used', stateLabel: `已使用（同事2，${used.body.registrationNo}）` });
  });

  it('shows the county bureau who was given which link, never the token behind it', async () => {
    await createLink(maker.token, { enterpriseCode: enterprise, colleague: '黄磊' });
    const { body: list } = await county.json<{ results: Array<Record<string, unknown>> }>('GET', `${cmPath(LINK)}?pageSize=100`);
    const row = list.results.find((l) => l.colleague === '黄磊');
    expect(row).toMatchObject({ createdByNo: maker.registrationNo, enterpriseCode: enterprise });
    expect(row).not.toHaveProperty('tokenHash');
    expect((await county.json('GET', cmPath(LINK, String(row?.documentId)))).status).toBe(200);
    expect((await county.json('PUT', cmPath(LINK, String(row?.documentId)), { colleague: '改名' })).status).toBe(403);
  });

  it('leaves the link unused when the registration through it fails', async () => {
    const { body: made } = await createLink(maker.token, { enterpriseCode: enterprise, colleague: '陈静' });
    const wrong = await colleagueThrough(made.link.token, 4, { serviceUnits: units(1, 5) });
    expect(wrong.status).toBe(400);
    expect(fieldErrors(wrong.body).serviceUnits).toBe(`经企业链接注册时，统计服务单位中须有该企业（${enterprise}）`);
    expect((await readLink(made.link.token)).status).toBe(200);
  });

  it('refuses an expired link and a revoked one, and a made-up one, each with its message', async () => {
    const { body: expiring } = await createLink(maker.token, { enterpriseCode: enterprise, colleague: '杨帆' });
    await cms.strapi.db
      .query('api::registration-link.registration-link')
      .update({ where: { documentId: expiring.links[0]?.id }, data: { expiresAt: new Date(Date.now() - 1000).toISOString() } });
    const expired = await colleagueThrough(expiring.link.token, 5);
    expect(expired.status).toBe(410);
    expect(fieldErrors(expired.body).inviteToken).toBe('该注册链接已过期。请向本单位综合统计人员重新索取链接。');

    const { body: revocable } = await createLink(maker.token, { enterpriseCode: enterprise, colleague: '黄磊' });
    const revoked = await revoke(maker.token, revocable.links[0]?.id ?? '');
    expect(revoked.status).toBe(200);
    expect(revoked.body.links[0]).toMatchObject({ state: 'revoked', stateLabel: '已撤销' });
    const refused = await colleagueThrough(revocable.link.token, 6);
    expect(refused.status).toBe(410);
    expect(fieldErrors(refused.body).inviteToken).toBe('该注册链接已被撤销。请向本单位综合统计人员重新索取链接。');
    expect((await revoke(maker.token, revocable.links[0]?.id ?? '')).status).toBe(409);

    const listed = (await listLinks(maker.token)).body.links;
    expect(listed.find((l) => l.colleague === '杨帆')).toMatchObject({ state: 'expired', stateLabel: '已过期' });
    const unknown = await readLink('A'.repeat(43));
    expect(unknown.status).toBe(404);
    expect(fieldErrors(unknown.body).inviteToken).toBe('注册链接无效。请向本单位综合统计人员重新索取链接。');
  });

  it('shows and revokes a person’s links only to them', async () => {
    const { body: made } = await createLink(maker.token, { enterpriseCode: enterprise, colleague: '周杰' });
    const other = await register({ name: '另一人', idNumber: idNumber(7), serviceUnits: units(1, 9) });
    const otherToken = (await lookUp(idNumber(7), other.body.queryPassword)).token;
    expect((await listLinks(otherToken)).body.links).toEqual([]);
    const theirs = await revoke(otherToken, made.links[0]?.id ?? '');
    expect(theirs.status).toBe(404);
    expect(theirs.body).toMatchObject({ error: { message: '没有这个注册链接' } });
    expect((await readLink(made.link.token)).status).toBe(200);
    expect((await listLinks('')).status).toBe(401);
  });

  it('records who registered a colleague on their behalf, and asks them to sign in first', async () => {
    const anonymous = await register({ name: '代注册', idNumber: idNumber(8), registeredBy: 'on_behalf', serviceUnits: units(1, 11) });
    expect(anonymous.status).toBe(400);
    expect(fieldErrors(anonymous.body).registeredBy).toBe(
      '代为注册须由本单位综合统计人员先在“注册信息查询”中凭本人身份证号码和查询密码登录，再从本人注册表进入“代同事注册”',
    );
    const onBehalf = await register(
      { name: '代注册', idNumber: idNumber(8), registeredBy: 'on_behalf', serviceUnits: units(1, 11) },
      bearer(maker.token),
    );
    expect(onBehalf.status).toBe(201);
    const stored = await cms.strapi.db
      .query('api::statistician.statistician')
      .findOne({ where: { registrationNo: onBehalf.body.registrationNo } });
    expect(stored.registrarNo).toBe(maker.registrationNo);
  });
});
