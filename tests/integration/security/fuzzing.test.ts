import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import fc from 'fast-check';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from '../../../scripts/lib/build.ts';
import { CMS_DIR } from '../../../scripts/lib/paths.ts';
import { findFreePort } from '../../../scripts/lib/ports.ts';
import type { Service } from '../../../scripts/lib/processes.ts';
import { startSite } from '../../../scripts/lib/stack.ts';
import { TLS_HOST } from '../../e2e/support/global-setup.ts';
import { validDataApplication, validInstitution, validOutcome, validStatistician } from '../support/fixtures.ts';
import { contractProblem, fieldErrors, postJson, type Submitted } from '../support/http.ts';
import { approvedInstitution } from '../support/review.ts';
import { bootCms, createApiToken, type TestCms } from '../support/strapi.ts';

interface Route {
  method: string;
  path: string;
}

/** Creating routes and the table each 201 adds one row to. */
const CREATES: Record<string, string> = {
  'POST /public/institutions': 'institutions',
  'POST /public/data-applications': 'data_applications',
  'POST /public/change-applications': 'change_applications',
  'POST /public/outcomes': 'outcomes',
  'POST /public/statisticians': 'statisticians',
  'POST /public/agencies': 'agencies',
};
/** Tables a refused request must never touch (the ones above, files, and the bulk-ingested ones). */
const RECORD_TABLES = [...Object.values(CREATES), 'files', 'enterprises', 'dr_login_events'];

/** What the CMS says of a JSON body it cannot read (cms/src/lib/error-messages.ts). */
const JSON_MESSAGE = '提交的内容不是有效的 JSON 对象或数组，无法读取，请检查格式后重新提交';

const DANGEROUS_KEYS = ['__proto__', 'constructor', 'prototype', '__defineGetter__', 'toString', 'hasOwnProperty'];
const POLLUTION = '{"polluted":"yes","prototype":{"polluted":"yes"},"__proto__":{"polluted":"yes"}}';
const CONTENT_TYPES = [
  'application/json',
  'application/json; charset=gbk',
  'text/plain',
  'application/x-www-form-urlencoded',
  'application/x-ndjson',
  'application/xml',
  'multipart/form-data',
  'multipart/form-data; boundary=',
  '',
];

interface Body {
  contentType: string;
  bytes: string | Uint8Array;
}

const json = (value: unknown, contentType = 'application/json'): Body => ({ contentType, bytes: JSON.stringify(value) });

/** Text with control characters, lone surrogates, emoji and CJK (fast-check's binary units). */
const hostileText = fc.string({ unit: 'binary', maxLength: 400 });

/** A JSON object whose keys include the ones prototype pollution goes through. */
const pollutingObject = fc
  .tuple(fc.subarray(DANGEROUS_KEYS, { minLength: 1 }), fc.dictionary(fc.string(), fc.jsonValue(), { maxKeys: 5 }))
  .map(
    ([keys, rest]) =>
      `{${[...keys.map((key) => `"${key}":${POLLUTION}`), ...Object.entries(rest).map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v)}`)].join(',')}}`,
  );

const deeplyNested = fc
  .tuple(fc.integer({ min: 1_000, max: 100_000 }), fc.constantFrom(['[', ']'], ['{"a":', '}']))
  .map(([depth, [open, close]]) => `${open.repeat(depth)}1${close.repeat(depth)}`);

/** A multipart body cut anywhere: inside headers, inside the file, before the closing boundary. */
const truncatedMultipart = fc.nat({ max: 600 }).map((cut): Body => {
  const boundary = '----statdeskfuzz';
  const whole =
    `--${boundary}\r\nContent-Disposition: form-data; name="data"\r\n\r\n{"agencyName":"某公司"}\r\n` +
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4\n${'x'.repeat(300)}\r\n--${boundary}--\r\n`;
  return { contentType: `multipart/form-data; boundary=${boundary}`, bytes: whole.slice(0, cut) };
});

/** A valid submission for the route with one field replaced by anything, removed, or a dangerous key added. */
const mutatedValid = (valid: Record<string, unknown>) =>
  fc
    .tuple(fc.constantFrom(...Object.keys(valid), ...DANGEROUS_KEYS), fc.option(fc.oneof(fc.jsonValue(), hostileText), { nil: undefined }))
    .map(([key, value]) => {
      const copy: Record<string, unknown> = { ...valid };
      if (DANGEROUS_KEYS.includes(key))
        return { contentType: 'application/json', bytes: JSON.stringify(copy).replace(/^\{/, `{"${key}":${POLLUTION},`) };
      if (value === undefined) delete copy[key];
      else copy[key] = value;
      return json(copy);
    });

const pathParam = fc.oneof(
  fc.string().map(encodeURIComponent),
  fc.constantFrom(
    '%zz',
    '..%2f..%2fetc%2fpasswd',
    '%00',
    'DA2026000001',
    '2026-10',
    '91510104MA0000001X',
    'x'.repeat(5_000),
    '__proto__',
    'constructor',
  ),
);

const queryString = fc.dictionary(
  fc.constantFrom(
    'page',
    'pageSize',
    'region',
    'county',
    'reason',
    'q',
    'sort',
    'filters[$where]',
    '__proto__[polluted]',
    'constructor[prototype][polluted]',
    'populate',
    'fields',
  ),
  fc.oneof(hostileText, fc.constantFrom('-1', '0', '1e308', 'NaN', '99999999999', '*')),
  { maxKeys: 4 },
);

interface Answer {
  status: number;
  text: string;
  headers: Record<string, string | string[] | undefined>;
}

/**
 * One request on its own connection. A server may answer a bad request before reading its body and
 * close the socket; a pooled client (fetch) would then see the reset on its *next* request.
 */
function requestOnce(url: string, method: string, headers: Record<string, string>, body?: string | Uint8Array): Promise<Answer> {
  return new Promise((resolve, reject) => {
    let failure: Error | undefined;
    let answered = false;
    const req = request(url, { method, headers: { ...headers, connection: 'close' }, agent: false, timeout: 20_000 }, (res) => {
      answered = true;
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8'), headers: res.headers }));
    });
    // A hang is a failure, not a slow pass.
    req.on('timeout', () => req.destroy(new Error(`no answer within 20 s: ${method} ${url}`)));
    // The server may answer and close while a body it refused is still being sent (EPIPE): the
    // answer counts. A connection that closes with no answer at all is a failure.
    req.on('error', (error) => {
      failure = error;
    });
    req.on('close', () => {
      if (!answered) reject(failure ?? new Error(`connection closed without an answer: ${method} ${url}`));
    });
    req.end(body);
  });
}

describe('fuzzing every public and API-token route', () => {
  let cms: TestCms;
  let routes: Route[];
  let fullToken: string;
  let institution: Submitted;
  let application: Submitted;
  const created = new Map<string, number>();
  const before = new Map<string, number>();
  const seen = new Map<number, number>();

  const countRows = async (): Promise<Map<string, number>> => {
    const client = new pg.Client({ connectionString: cms.databaseUrl });
    await client.connect();
    try {
      const counts = new Map<string, number>();
      for (const table of RECORD_TABLES) counts.set(table, (await client.query(`select count(*)::int as n from ${table}`)).rows[0].n);
      return counts;
    } finally {
      await client.end();
    }
  };

  beforeAll(async () => {
    cms = await bootCms('fuzzing', { TRUSTED_PROXIES: '127.0.0.1' });
    fullToken = await createApiToken(cms, 'full-access');
    institution = await approvedInstitution(cms);
    application = (await postJson<Submitted>(cms.url, '/api/public/data-applications', validDataApplication(institution.applicationNo)))
      .body;
    // Every content-API route our own APIs declare (Strapi's plugins' routes are theirs to test).
    const apis = Object.values(cms.strapi.apis) as Array<{ routes: Record<string, { routes: Route[] }> }>;
    routes = apis.flatMap((api) =>
      Object.values(api.routes).flatMap((router) => router.routes.map(({ method, path }) => ({ method, path }))),
    );
    for (const [table, n] of await countRows()) before.set(table, n);
  }, 120_000);
  afterAll(async () => {
    await cms?.stop();
  });

  const validBodies = (): Record<string, Record<string, unknown>> => ({
    'POST /public/institutions': validInstitution(),
    'POST /public/data-applications': validDataApplication(institution.applicationNo),
    'POST /public/change-applications': { originalNo: application.applicationNo },
    'POST /public/outcomes': validOutcome(application.applicationNo),
    'POST /public/statisticians': validStatistician(),
    'POST /public/query': { phone: '13800138000', password: application.queryPassword },
    'POST /public/statisticians/lookup': { idNumber: '11010519491231002X', password: 'AAAA-BBBB-CCCC' },
    'POST /public/agencies/lookup': { registrationNo: 'DL-2026-000001', password: 'AAAA-BBBB-CCCC' },
  });

  const body = (route: Route): fc.Arbitrary<Body> => {
    const valid = validBodies()[`${route.method} ${route.path}`];
    return fc.oneof(
      { arbitrary: fc.jsonValue().map((value) => json(value)), weight: 3 },
      { arbitrary: pollutingObject.map((bytes) => ({ contentType: 'application/json', bytes })), weight: 3 },
      {
        arbitrary: fc.tuple(hostileText, fc.constantFrom(...CONTENT_TYPES)).map(([bytes, contentType]) => ({ contentType, bytes })),
        weight: 2,
      },
      { arbitrary: deeplyNested.map((bytes) => ({ contentType: 'application/json', bytes })), weight: 1 },
      { arbitrary: truncatedMultipart, weight: 2 },
      ...(valid ? [{ arbitrary: mutatedValid(valid), weight: 4 }] : []),
    );
  };

  const request = () =>
    fc.constantFrom(...routes).chain((route) =>
      fc.record({
        route: fc.constant(route),
        param: pathParam,
        query: queryString,
        body: body(route),
        auth: fc.constantFrom('token', 'token', 'none', 'Bearer x.y', 'Basic YWRtaW46YWRtaW4='),
      }),
    );

  async function send(input: { route: Route; param: string; query: Record<string, string>; body: Body; auth: string }): Promise<Answer> {
    const path = input.route.path.replace(/:[A-Za-z]+/g, input.param);
    const search = new URLSearchParams(input.query).toString();
    const headers: Record<string, string> = {};
    if (input.body.contentType) headers['content-type'] = input.body.contentType;
    if (input.auth === 'token') headers.authorization = `Bearer ${fullToken}`;
    else if (input.auth !== 'none') headers.authorization = input.auth;
    const hasBody = !['GET', 'HEAD'].includes(input.route.method);
    return requestOnce(
      `${cms.url}/api${path}${search ? `?${search}` : ''}`,
      input.route.method,
      headers,
      hasBody ? input.body.bytes : undefined,
    );
  }

  it('never answers 5xx or hangs, and answers every refusal in the contract with a zh-CN message, whatever is sent to whichever route', async () => {
    expect(routes.length).toBeGreaterThanOrEqual(25);
    await fc.assert(
      fc.asyncProperty(request(), async (input) => {
        const { status, text } = await send(input);
        seen.set(status, (seen.get(status) ?? 0) + 1);
        const table = CREATES[`${input.route.method} ${input.route.path}`];
        if (table && status === 201) created.set(table, (created.get(table) ?? 0) + 1);
        expect(status, `${input.route.method} ${input.route.path}`).toBeLessThan(500);
        if (status >= 400) expect(contractProblem(status, text), `${input.route.method} ${input.route.path}`).toBeUndefined();
      }),
      // FUZZ_RUNS=20000 for a longer hunt; a failure prints the seed to replay.
      { numRuns: Number(process.env.FUZZ_RUNS ?? 1_500) },
    );
    // The refusals are the point: most requests are bad and answered as such.
    expect((seen.get(400) ?? 0) + (seen.get(401) ?? 0) + (seen.get(404) ?? 0)).toBeGreaterThan(500);
  }, 600_000);

  it('answers a body over the limit and a body nested 200 000 deep with a 4xx', async () => {
    const huge = JSON.stringify({ institutionName: 'x'.repeat(21 * 1024 * 1024) });
    for (const path of ['/public/institutions', '/public/statisticians', '/direct-report/enterprises']) {
      const method = path.endsWith('enterprises') ? 'PUT' : 'POST';
      const response = await fetch(`${cms.url}/api${path}`, {
        method,
        body: huge,
        headers: { 'content-type': 'application/json', authorization: `Bearer ${fullToken}` },
      });
      expect([400, 413]).toContain(response.status);
      expect(contractProblem(response.status, await response.text())).toBeUndefined();
    }
    const deep = `${'['.repeat(200_000)}${']'.repeat(200_000)}`;
    const nested = await fetch(`${cms.url}/api/public/institutions`, {
      method: 'POST',
      body: deep,
      headers: { 'content-type': 'application/json' },
    });
    expect(nested.status).toBe(400);
    expect(contractProblem(400, await nested.text())).toBeUndefined();
  }, 120_000);

  it("answers each body the parser cannot read with a zh-CN message and details.fields, not the parser's English", async () => {
    const unreadable: Array<[string, string, number, string]> = [
      // [content type, body, status, message]: what Koa's body parser used to answer in English is in the comment.
      ['application/json', '{"fullName":', 400, JSON_MESSAGE], // SyntaxError "Unexpected end of JSON input"
      ['application/json', '{"a":1,"__proto__":{"polluted":"yes"}}', 400, JSON_MESSAGE], // "Object contains forbidden prototype property"
      ['application/json', '"just a string"', 400, JSON_MESSAGE], // "invalid JSON, only supports object and array"
      ['application/json', 'x'.repeat(21 * 1024 * 1024), 413, '提交的内容过大，超过了允许的大小'], // PayloadTooLargeError
      ['application/x-www-form-urlencoded', `a=${'x'.repeat(2 * 1024 * 1024)}`, 413, '提交的内容过大，超过了允许的大小'],
    ];
    for (const [contentType, body, status, message] of unreadable) {
      const answer = await requestOnce(`${cms.url}/api/public/institutions`, 'POST', { 'content-type': contentType }, body);
      expect(answer.status, body.slice(0, 40)).toBe(status);
      expect(contractProblem(status, answer.text)).toBeUndefined();
      expect(JSON.parse(answer.text).error).toMatchObject({ message, details: { fields: {} } });
    }
  }, 120_000);

  it('answers a route that does not exist with 404 and a method a route does not take with 405, in the contract', async () => {
    const missing = await requestOnce(`${cms.url}/api/no-such-thing`, 'GET', {});
    expect(missing.status).toBe(404);
    expect(JSON.parse(missing.text).error).toEqual({
      status: 404,
      name: 'NotFoundError',
      message: '请求的地址或记录不存在',
      details: { fields: {} },
    });
    const wrongMethod = await requestOnce(`${cms.url}/api/public/institutions`, 'DELETE', {});
    expect(wrongMethod.status).toBe(405);
    expect(JSON.parse(wrongMethod.text).error).toMatchObject({ status: 405, message: '此地址不支持该请求方法', details: { fields: {} } });
  });

  it('answers the direct-report routes 401 in zh-CN when the API token is missing, and 401 or 403 in zh-CN for a wrong one', async () => {
    for (const [method, path] of [
      ['GET', '/api/direct-report/reports/2026-10'],
      ['PUT', '/api/direct-report/enterprises'],
      ['POST', '/api/direct-report/login-events'],
    ] as const) {
      const missing = await requestOnce(
        `${cms.url}${path}`,
        method,
        { 'content-type': 'application/json' },
        method === 'GET' ? undefined : '[]',
      );
      expect(missing.status, path).toBe(401);
      expect(missing.headers['www-authenticate']).toBe('Bearer');
      expect(JSON.parse(missing.text).error).toEqual({
        status: 401,
        name: 'UnauthorizedError',
        message: '缺少 API 令牌：请在 Authorization 请求头中以 Bearer 方式提供数据采集平台的 API 令牌',
        details: { fields: {} },
      });
      const wrong = await requestOnce(`${cms.url}${path}`, method, { authorization: 'Bearer not-a-token' });
      expect(wrong.status).toBe(401);
      expect(contractProblem(401, wrong.text)).toBeUndefined();
    }
    const readOnly = await createApiToken(cms, 'read-only');
    const weak = await requestOnce(
      `${cms.url}/api/direct-report/enterprises`,
      'PUT',
      {
        authorization: `Bearer ${readOnly}`,
        'content-type': 'application/json',
      },
      '[]',
    );
    expect(weak.status).toBe(403);
    expect(JSON.parse(weak.text).error).toMatchObject({ status: 403, message: '没有执行此操作的权限', details: { fields: {} } });
  });

  it('answers a NUL in the chosen institution or dataset of a data application as a field error, not a database error', async () => {
    const nulInstitution = await postJson(
      cms.url,
      '/api/public/data-applications',
      validDataApplication(`${institution.applicationNo}\u0000`),
    );
    expect(nulInstitution.status).toBe(400);
    expect(fieldErrors(nulInstitution.body)).toEqual({ institution: '请从列表中选择申请机构' });
    const nulDataset = await postJson(
      cms.url,
      '/api/public/data-applications',
      validDataApplication(institution.applicationNo, { datasets: ['census-2010\u0000'] }),
    );
    expect(nulDataset.status).toBe(400);
    expect(Object.values(fieldErrors(nulDataset.body))).toEqual(['请从列表中选择申请使用的数据目录']);
  });

  it('serves our own icon at /favicon.ico, cached, without the framework in the way', async () => {
    const icon = await fetch(`${cms.url}/favicon.ico`);
    expect(icon.status).toBe(200);
    expect(icon.headers.get('content-type')).toBe('image/x-icon');
    expect(icon.headers.get('cache-control')).toBe('public, max-age=86400');
    expect(Buffer.from(await icon.arrayBuffer()).equals(readFileSync(join(CMS_DIR, 'favicon.ico')))).toBe(true);
  });

  it('answers a NUL in a form field or a URL with a zh-CN message, not a database error', async () => {
    const named = await postJson(cms.url, '/api/public/institutions', validInstitution({ fullName: '北京\u0000大学' }));
    expect(named.status).toBe(400);
    expect(fieldErrors(named.body)).toEqual({ fullName: '机构单位全称含有无法识别的字符，请删除后重新输入' });
    const inUrl = await fetch(`${cms.url}/api/public/notices/a%00b`);
    expect(inUrl.status).toBe(400);
    expect(((await inUrl.json()) as { error: { message: string } }).error.message).toBe('网址中含有无法识别的字符');
  });

  it('stores a record only for a request that was answered 201, and pollutes no prototype', async () => {
    const after = await countRows();
    for (const table of RECORD_TABLES) {
      expect(`${table}: ${(after.get(table) ?? 0) - (before.get(table) ?? 0)}`).toBe(`${table}: ${created.get(table) ?? 0}`);
    }
    // Strapi runs in this process: a polluted prototype would show here.
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
    expect((await fetch(`${cms.url}/api/health`)).status).toBe(200);
  });
});

/** Every page of the site that takes a POST; the record pages read their body only for a token's holder. */
const FORM_PAGES = [
  '/institutions/register',
  '/data-applications/new',
  '/change-applications/new',
  '/outcomes/register',
  '/statisticians/register',
  '/agencies/register',
  '/query',
  '/statisticians/lookup',
  '/agencies/lookup',
];
const REFUSED_HEADING = '无法处理您提交的内容';
const NOT_A_FORM = '提交的内容不是网页表单，无法读取。请在本站的页面上填写并提交表单。';
const UNREADABLE_FORM = '提交的表单内容不完整或格式不正确，无法读取。请返回上一页重新提交。';

/** Why a site answer of 400 or more is not the site's own error page with a zh-CN message, or undefined. */
function sitePageProblem(answer: Answer): string | undefined {
  if (![400, 413, 415].includes(answer.status)) return `status ${answer.status}`;
  if (!String(answer.headers['content-type']).startsWith('text/html')) return `content type ${answer.headers['content-type']}`;
  if (!answer.text.includes(`<h1>${REFUSED_HEADING}</h1>`)) return `not the error page: ${answer.text.slice(0, 200)}`;
  if (/at \w+ \(|node_modules|TypeError/.test(answer.text)) return 'shows a stack trace';
  return undefined;
}

describe('fuzzing every form page of the site', () => {
  let cms: TestCms;
  let site: Service | undefined;
  let siteUrl: string;
  let pages: string[];
  let recordCookie: string;

  beforeAll(async () => {
    // The browser tests' build settings, so that one build of the site serves both.
    await buildSite({ ...process.env, SITE_DOMAINS: TLS_HOST });
    cms = await bootCms('site-fuzzing');
    const port = await findFreePort();
    site = await startSite({ port, cmsUrl: cms.url, env: { SITE_SECRET: 'site-fuzzing' } });
    siteUrl = `http://127.0.0.1:${port}`;
    // A submission's token opens its record pages, as a query would (site/src/lib/session.ts).
    const submitted = await postJson<Submitted & { token: string }>(cms.url, '/api/public/institutions', validInstitution());
    recordCookie = `sd_records=${submitted.body.token}`;
    const no = submitted.body.applicationNo;
    pages = [...FORM_PAGES, `/records/${no}/upload`, `/records/${no}/attachments`];
  }, 300_000);
  afterAll(async () => {
    await site?.stop();
    await cms?.stop();
  });

  /** A POST as a browser on the site's own origin would send it, so Astro's origin check lets it through. */
  const post = (path: string, body: Body) =>
    requestOnce(
      `${siteUrl}${path}`,
      'POST',
      { origin: siteUrl, cookie: recordCookie, ...(body.contentType && { 'content-type': body.contentType }) },
      body.bytes,
    );

  it('reads the body of every form page, and the record pages open for the token', async () => {
    for (const path of pages) {
      const answer = await post(path, { contentType: 'application/x-www-form-urlencoded', bytes: '_step=form' });
      expect(answer.status, path).toBeLessThan(400);
    }
  });

  it('answers a JSON body, no content type and a cut multipart body with its error page: 415, 415 and 400', async () => {
    const cut = { contentType: 'multipart/form-data; boundary=----statdesk', bytes: '------statdesk\r\nContent-Disposition: form-da' };
    for (const path of pages) {
      for (const [body, status, message] of [
        [json({ phone: '13800138000' }), 415, NOT_A_FORM],
        [{ contentType: '', bytes: 'phone=13800138000' }, 415, NOT_A_FORM],
        [cut, 400, UNREADABLE_FORM],
      ] as const) {
        const answer = await post(path, body);
        expect(answer.status, `${path} ${body.contentType}`).toBe(status);
        expect(sitePageProblem(answer), path).toBeUndefined();
        expect(answer.text).toContain(message);
      }
    }
  });

  it('never answers 5xx or hangs, and refuses every unreadable body with its error page, whatever is posted to whichever form page', async () => {
    const body = fc.oneof(
      fc.jsonValue().map((value) => json(value)),
      fc
        .tuple(hostileText, fc.constantFrom(...CONTENT_TYPES, 'text/plain; charset=utf-8'))
        .map(([bytes, contentType]) => ({ contentType, bytes })),
      truncatedMultipart,
      fc
        .dictionary(fc.constantFrom('_step', '_action', 'phone', 'password', 'fullName', 'agreeNotice'), hostileText, { maxKeys: 4 })
        .map((fields) => ({ contentType: 'application/x-www-form-urlencoded', bytes: new URLSearchParams(fields).toString() })),
    );
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...pages), body, async (path, input) => {
        const answer = await post(path, input);
        expect(answer.status, path).toBeLessThan(500);
        if (answer.status >= 400) expect(sitePageProblem(answer), `${path} ${input.contentType}`).toBeUndefined();
      }),
      { numRuns: Number(process.env.SITE_FUZZ_RUNS ?? 150) },
    );
  }, 600_000);

  it('answers a NUL in an address with its error page and 400, not the CMS refusal turned into a 500', async () => {
    for (const path of ['/institutions?q=%00', '/institutions?q=a%00b&page=2', '/notices/a%00b']) {
      const answer = await requestOnce(`${siteUrl}${path}`, 'GET', {});
      expect(answer.status, path).toBe(400);
      expect(sitePageProblem(answer)).toBeUndefined();
      expect(answer.text).toContain('网址中含有无法识别的字符。请检查网址，或回到首页重新进入。');
    }
  });

  it('serves its own icon and names it and a zh-CN description on every page', async () => {
    const ico = await fetch(`${siteUrl}/favicon.ico`);
    expect(ico.status).toBe(200);
    expect(ico.headers.get('content-type')).toMatch(/^image\//);
    const svg = await fetch(`${siteUrl}/favicon.svg`);
    expect(svg.status).toBe(200);
    expect(await svg.text()).toMatch(/^<svg /);
    const descriptions = new Set<string>();
    for (const path of ['/', '/institutions', '/outcomes', ...FORM_PAGES]) {
      const html = await (await fetch(`${siteUrl}${path}`)).text();
      expect(html, path).toContain('<link rel="icon" href="/favicon.svg" type="image/svg+xml">');
      const description = html.match(/<meta name="description" content="([^"]+)">/)?.[1] ?? '';
      expect(description, path).toMatch(/^统计数据服务平台/);
      descriptions.add(description);
    }
    // Each task page describes itself, in the words the home page uses for it.
    expect(descriptions.size).toBe(12);
    const form = await (await fetch(`${siteUrl}/data-applications/new`)).text();
    expect(form).toContain(
      '<meta name="description" content="统计数据服务平台「数据使用申请」：从数据目录中选择微观数据并提交使用申请。">',
    );
  });
});
