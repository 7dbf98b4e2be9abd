import { request } from 'node:http';
import { MAX_FORM_BODY_BYTES } from '@statdesk/config';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { findFreePort } from '../../scripts/lib/ports.ts';
import type { Service } from '../../scripts/lib/processes.ts';
import { generateSecrets } from '../../scripts/lib/secrets.ts';
import { startSite } from '../../scripts/lib/stack.ts';
import { siteUrl } from './support/journey.ts';

const CHUNK = Buffer.alloc(64 * 1024, 'a');

interface Answer {
  status: number;
  html: string;
}

/**
 * POSTs a form body of `size` bytes to `url` without holding it in memory: with a Content-Length
 * (sending only its first chunk, as the site should answer before reading the rest) or chunked.
 */
function postBody(url: string, size: number, framing: 'content-length' | 'chunked'): Promise<Answer> {
  const { origin } = new URL(url);
  const headers = {
    origin,
    'content-type': 'application/x-www-form-urlencoded',
    ...(framing === 'content-length' ? { 'content-length': String(size) } : { 'transfer-encoding': 'chunked' }),
  };
  return new Promise((resolve, reject) => {
    const sending = request(url, { method: 'POST', headers }, (response) => {
      let html = '';
      response.setEncoding('utf8');
      response.on('data', (text: string) => {
        html += text;
      });
      response.on('end', () => {
        sending.destroy();
        resolve({ status: response.statusCode ?? 0, html });
      });
    });
    // The site may close the connection before the whole body is sent: that is the point.
    sending.on('error', (error: NodeJS.ErrnoException) => {
      if (!['EPIPE', 'ECONNRESET'].includes(error.code ?? '')) reject(error);
    });
    if (framing === 'content-length') {
      sending.write(CHUNK);
      return;
    }
    const write = (left: number): void => {
      if (left <= 0) {
        sending.end();
        return;
      }
      const part = CHUNK.subarray(0, Math.min(left, CHUNK.length));
      if (sending.write(part)) write(left - part.length);
      else sending.once('drain', () => write(left - part.length));
    };
    write(size);
  });
}

/** A body larger than the largest form needs gets the site's own 413 page, read or not; normal posts pass. */
describe('form posts larger than any form needs', () => {
  const LOWERED = 1024 * 1024;
  let lowered: Service | undefined;
  let loweredUrl: string;

  beforeAll(async () => {
    const port = await findFreePort();
    lowered = await startSite({ port, cmsUrl: inject('cmsUrl'), env: { ...generateSecrets(), SITE_MAX_BODY_BYTES: String(LOWERED) } });
    loweredUrl = `http://127.0.0.1:${port}`;
  });
  afterAll(async () => {
    await lowered?.stop();
  });

  it('caps bodies at what the agency registration with 52 documents of 10 MB needs', () => {
    expect(MAX_FORM_BODY_BYTES).toBe(52 * 10 * 1024 * 1024 + 1024 * 1024);
  });

  it('answers a body declared one byte over the limit with the 413 page, without reading it', async () => {
    const { status, html } = await postBody(siteUrl('/query'), MAX_FORM_BODY_BYTES + 1, 'content-length');
    expect(status).toBe(413);
    expect(html).toContain('提交的内容太大');
    expect(html).toContain('<html lang="zh-CN">');
  });

  it('answers a chunked body that streams past the limit with the 413 page', async () => {
    const { status, html } = await postBody(`${loweredUrl}/query`, LOWERED + 1, 'chunked');
    expect(status).toBe(413);
    expect(html).toContain('提交的内容太大');
  });

  it('still takes a normal form post, with or without a declared length', async () => {
    const form = 'phone=13800000000&password=ABCD-EFGH-JK';
    const plain = await fetch(siteUrl('/query'), {
      method: 'POST',
      headers: { origin: inject('siteUrl'), 'content-type': 'application/x-www-form-urlencoded' },
      body: form,
    });
    expect(plain.status).toBeLessThan(500);
    expect(plain.status).not.toBe(413);
    expect(await plain.text()).toContain('查询密码');
    const chunked = await postBody(`${loweredUrl}/query`, LOWERED - 1024, 'chunked');
    expect(chunked.status).toBeLessThan(500);
    expect(chunked.status).not.toBe(413);
  });
});
