import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { getCatalog, listInstitutions } from '../../../../site/src/lib/cms/content.ts';
import { CmsError } from '../../../../site/src/lib/cms/errors.ts';
import { fetchPrintable, submit } from '../../../../site/src/lib/cms/submissions.ts';

const PDF_UNAVAILABLE = '打印版申请表（PDF）暂时无法生成，请先使用网页版申请表打印。';

/** A stand-in Strapi on a loopback port that counts what it is asked. */
let server: Server;
const asked: string[] = [];
let failNext = false;

beforeAll(async () => {
  server = createServer((request, response) => {
    asked.push(`${request.method} ${request.url}`);
    if (failNext) {
      failNext = false;
      response.writeHead(503).end();
      return;
    }
    response.setHeader('content-type', 'application/json');
    if (request.url?.endsWith('/form.pdf'))
      response
        .writeHead(503)
        .end(JSON.stringify({ data: null, error: { status: 503, name: 'ServiceUnavailableError', message: PDF_UNAVAILABLE } }));
    else if (request.url === '/api/public/catalog')
      response.end(JSON.stringify({ data: [{ code: 'census-2010', name: '人口普查', description: '', years: '2010' }] }));
    else if (request.url?.startsWith('/api/public/institutions') && request.method === 'GET')
      response.end(JSON.stringify({ institutions: [], pagination: {} }));
    else response.writeHead(201).end(JSON.stringify({ applicationNo: 'JG-2026-000001', status: 'awaiting_upload', statusLabel: '' }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  process.env.CMS_URL = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => {
  asked.length = 0;
});

describe('public content from the CMS', () => {
  it('asks Strapi once for many page views arriving together', async () => {
    const answers = await Promise.all(Array.from({ length: 20 }, () => getCatalog()));
    expect(answers.every((catalog) => catalog[0]?.code === 'census-2010')).toBe(true);
    expect(await getCatalog()).toHaveLength(1);
    expect(asked).toEqual(['GET /api/public/catalog']);
  });

  it('does not keep a failure: the next page view asks again', async () => {
    failNext = true;
    await expect(listInstitutions({ q: 'fails-once' })).rejects.toThrow('CMS answered 503');
    await expect(listInstitutions({ q: 'fails-once' })).resolves.toMatchObject({ institutions: [] });
    expect(asked).toEqual(['GET /api/public/institutions?q=fails-once', 'GET /api/public/institutions?q=fails-once']);
  });

  it('shows an institution registered through this site at once in the listing', async () => {
    await listInstitutions({ pageSize: 1000 });
    await listInstitutions({ pageSize: 1000 });
    expect(asked).toEqual(['GET /api/public/institutions?pageSize=1000']);
    await submit('institution', { fullName: '北京大学' });
    await listInstitutions({ pageSize: 1000 });
    expect(asked).toEqual([
      'GET /api/public/institutions?pageSize=1000',
      'POST /api/public/institutions',
      'GET /api/public/institutions?pageSize=1000',
    ]);
  });
});

describe('the printable form through the site', () => {
  it('gives back Strapi’s message when it cannot print the PDF, for the site to offer the HTML form', async () => {
    expect(await fetchPrintable('JG-2026-000001', 'pdf', 'token')).toEqual({ unavailable: PDF_UNAVAILABLE });
  });

  it('still treats a bare 503 (a proxy while Strapi is down) as the CMS being unreachable', async () => {
    failNext = true;
    const failure = await fetchPrintable('JG-2026-000001', 'pdf', 'token').catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(CmsError);
    expect((failure as CmsError).isUnreachable).toBe(true);
  });
});
