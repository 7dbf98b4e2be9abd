import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { CMS_DIR } from '../../../scripts/lib/paths.ts';

// The compiled service, as Strapi runs it (the global setup builds it); no database is needed.
type ParsedLine = { ok: true; event: { account: string } } | { ok: false; line: number; reason: string };
interface ParseModule {
  MAX_LINE_CHARS: number;
  parseNdjson(stream: Readable): AsyncGenerator<ParsedLine[]>;
  parseJsonArray(stream: Readable): AsyncGenerator<ParsedLine[]>;
}
const { MAX_LINE_CHARS, parseJsonArray, parseNdjson } = createRequire(join(CMS_DIR, 'package.json'))(
  './dist/src/api/direct-report/services/parse-events.js',
) as ParseModule;

const CODE = '91510104MA6C9XKQ3L';
const record = (account: string) =>
  JSON.stringify({ account, enterpriseCode: CODE, accountKind: 'enterprise', ip: '10.1.2.3', at: '2026-11-03T09:15:00+08:00' });

/** A body as the network delivers it: in the chunks given, cut anywhere, even inside a character. */
const chunked = (...chunks: Buffer[]) => Readable.from(chunks, { objectMode: false });

/** Cuts a body into pieces of `size` bytes. */
const pieces = (body: string, size: number) => {
  const bytes = Buffer.from(body);
  return Array.from({ length: Math.ceil(bytes.length / size) }, (_, i) => bytes.subarray(i * size, (i + 1) * size));
};

async function all(lines: AsyncGenerator<ParsedLine[]>): Promise<ParsedLine[]> {
  const out: ParsedLine[] = [];
  for await (const chunk of lines) out.push(...chunk);
  return out;
}

const accounts = (lines: ParsedLine[]) => lines.map((l) => (l.ok ? l.event.account : `rejected line ${l.line}: ${l.reason}`));
const TOO_LONG = `这条记录超过${MAX_LINE_CHARS}个字符，未读取`;

describe('parseNdjson', () => {
  it('refuses a login whose instant falls after the year 9999 in UTC', async () => {
    const late = JSON.stringify({
      account: 'a',
      enterpriseCode: CODE,
      accountKind: 'enterprise',
      ip: '10.1.2.3',
      at: '9999-12-31T23:30:00-05:00',
    });
    const lines = await all(parseNdjson(chunked(Buffer.from(`${record('before')}\n${late}\n`))));
    expect(accounts(lines)).toEqual(['before', 'rejected line 2: at：应为带时区、确实存在的ISO 8601时间，如 2026-11-03T09:15:00+08:00']);
  });

  it('reads a Chinese account whose bytes are split between two chunks', async () => {
    const body = Buffer.from(`${record('成都企业甲')}\n`);
    const cut = body.indexOf(Buffer.from('企')) + 1; // inside the three bytes of 企
    expect(accounts(await all(parseNdjson(chunked(body.subarray(0, cut), body.subarray(cut)))))).toEqual(['成都企业甲']);
  });

  it('reads every line however the body is cut, one byte at a time included', async () => {
    const body = `${record('甲')}\n\n${record('乙')}\r\n${record('丙')}`;
    for (const size of [1, 2, 3, 7, 64]) {
      expect(accounts(await all(parseNdjson(chunked(...pieces(body, size)))))).toEqual(['甲', '乙', '丙']);
    }
  });

  it('refuses a line over the limit with its reason and reads the lines after it', async () => {
    const long = record('长'.repeat(MAX_LINE_CHARS));
    const body = `${record('甲')}\n${long}\n${record('乙')}\n`;
    for (const size of [4096, body.length * 4]) {
      expect(accounts(await all(parseNdjson(chunked(...pieces(body, size)))))).toEqual(['甲', `rejected line 2: ${TOO_LONG}`, '乙']);
    }
  });

  it('refuses a 20 MB body that never ends its line', async () => {
    const megabyte = Buffer.alloc(1024 * 1024, 'x');
    const body = chunked(...Array.from({ length: 20 }, () => megabyte));
    expect(accounts(await all(parseNdjson(body)))).toEqual([`rejected line 1: ${TOO_LONG}`]);
  });
});

describe('parseJsonArray', () => {
  it('reads a Chinese account whose bytes are split between two chunks', async () => {
    const body = Buffer.from(`[${record('绵阳企业乙')}]`);
    const cut = body.indexOf(Buffer.from('企')) + 2;
    expect(accounts(await all(parseJsonArray(chunked(body.subarray(0, cut), body.subarray(cut)))))).toEqual(['绵阳企业乙']);
  });

  it('refuses an element over the limit with its reason and reads the elements after it', async () => {
    const body = `[${record('甲')}, ${record('长'.repeat(MAX_LINE_CHARS))}, ${record('乙')}]`;
    expect(accounts(await all(parseJsonArray(chunked(...pieces(body, 4096)))))).toEqual(['甲', `rejected line 2: ${TOO_LONG}`, '乙']);
  });
});
