import { request } from 'node:http';
import fc from 'fast-check';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validDataApplication, validInstitution, validOutcome, validStatistician } from '../support/fixtures.ts';
import { fieldErrors, postJson, type Submitted } from '../support/http.ts';
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

/**
 * One request on its own connection. A server may answer a bad request before reading its body and
 * close the socket; a pooled client (fetch) would then see the reset on its *next* request.
 */
function requestOnce(url: string, method: string, headers: Record<string, string>, body?: string | Uint8Array): Promise<number> {
  return new Promise((resolve, reject) => {
    let failure: Error | undefined;
    let answered = false;
    const req = request(url, { method, headers: { ...headers, connection: 'close' }, agent: false, timeout: 20_000 }, (res) => {
      answered = true;
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
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
    institution = (await postJson<Submitted>(cms.url, '/api/public/institutions', validInstitution())).body;
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

  async function send(input: { route: Route; param: string; query: Record<string, string>; body: Body; auth: string }): Promise<number> {
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

  it('never answers 5xx or hangs, whatever is sent to whichever route', async () => {
    expect(routes.length).toBeGreaterThanOrEqual(25);
    await fc.assert(
      fc.asyncProperty(request(), async (input) => {
        const status = await send(input);
        seen.set(status, (seen.get(status) ?? 0) + 1);
        const table = CREATES[`${input.route.method} ${input.route.path}`];
        if (table && status === 201) created.set(table, (created.get(table) ?? 0) + 1);
        expect(status, `${input.route.method} ${input.route.path}`).toBeLessThan(500);
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
    }
    const deep = `${'['.repeat(200_000)}${']'.repeat(200_000)}`;
    const nested = await fetch(`${cms.url}/api/public/institutions`, {
      method: 'POST',
      body: deep,
      headers: { 'content-type': 'application/json' },
    });
    expect(nested.status).toBe(400);
  }, 120_000);

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
