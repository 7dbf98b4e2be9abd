import { hash } from 'node:crypto';
import type { Readable } from 'node:stream';
import { accountKinds, canonicalIp, isCreditCode, isoDateTimeMillis, parseCreditCode, t } from '@statdesk/config';
import { LOGIN_KEY } from './fold';
import type { StoredEvent } from './stored-event';

export type ParsedLine = { ok: true; event: StoredEvent } | { ok: false; line: number; reason: string };

// PostgreSQL text cannot hold U+0000, and a batch travels as newline-separated columns (store-events.ts).
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it looks for
const CONTROL = /[\u0000-\u001f\u007f]/;
/**
 * A login record is about 200 characters. A longer line is refused unread and not held while it
 * streams: without a limit, a body with no newline would be buffered whole.
 */
export const MAX_LINE_CHARS = 65_536;
const tooLong = (line: number): ParsedLine => ({ ok: false, line, reason: t('directReport.event.tooLong', { max: MAX_LINE_CHARS }) });

/** Why a code is not a credit code, in the public forms' words (only a refused line asks). */
const creditCodeReason = (code: string): string => {
  const result = parseCreditCode(code);
  // The forms' validator drops inner spaces; a login record's code is taken as sent.
  return result.ok ? t('validators.creditCode.charset') : result.message;
};

/** Checks one login record; the reasons are for the platform's operators (zh-CN, naming the field). */
export function readEvent(value: unknown, line: number): ParsedLine {
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    return { ok: false, line, reason: t('directReport.event.notObject') };
  const record = value as Record<string, unknown>;
  const account = typeof record.account === 'string' ? record.account.trim() : '';
  const code = typeof record.enterpriseCode === 'string' ? record.enterpriseCode.trim().toUpperCase() : '';
  const kind = record.accountKind;
  const ip = typeof record.ip === 'string' ? canonicalIp(record.ip) : undefined;
  const atText = typeof record.at === 'string' ? record.at.trim() : '';
  // A login time must say which instant it was (an offset or Z) and be one the calendar has.
  const at = isoDateTimeMillis(atText);
  if (!account || account.length > 100) return { ok: false, line, reason: t('directReport.event.account') };
  if (CONTROL.test(account)) return { ok: false, line, reason: t('directReport.event.accountControl') };
  // Checked as the public forms check it (GB 32100-2015); a valid code the master data lacks is kept.
  if (!isCreditCode(code)) return { ok: false, line, reason: t('directReport.event.enterpriseCode', { reason: creditCodeReason(code) }) };
  if (typeof kind !== 'string' || !(accountKinds as readonly string[]).includes(kind))
    return { ok: false, line, reason: t('directReport.event.accountKind') };
  if (!ip) return { ok: false, line, reason: t('directReport.event.ip') };
  if (at === undefined) return { ok: false, line, reason: t('directReport.event.at', { reason: t('validators.date.dateTime') }) };
  const id = typeof record.id === 'string' && record.id.trim() ? record.id.trim().slice(0, 100) : undefined;
  if (id && CONTROL.test(id)) return { ok: false, line, reason: t('directReport.event.idControl') };
  const instant = new Date(at).toISOString();
  // Years 0000–9999 in UTC, as toISOString writes them in 24 characters: the summaries' login keys rely on it (fold.ts).
  if (instant.length !== LOGIN_KEY.ISO_INSTANT_CHARS)
    return { ok: false, line, reason: t('directReport.event.at', { reason: t('validators.date.dateTime') }) };
  // A re-sent event gets the same key and is not counted twice.
  // crypto.hash, not createHash: one call per event instead of a Hash object (ingestion's hot path).
  const key = id ?? hash('sha256', `${account}\n${code}\n${kind}\n${ip}\n${instant}`, 'base64url');
  return { ok: true, event: { enterprise_code: code, at: instant, event_key: key, account, account_kind: kind, ip } };
}

/**
 * Yields the lines of an NDJSON stream, parsed, a chunk's worth at a time (one await per chunk,
 * not per line: ingestion's hot path); blank lines are skipped. A line over MAX_LINE_CHARS is
 * refused, and dropped as it arrives.
 */
export async function* parseNdjson(stream: Readable): AsyncGenerator<ParsedLine[]> {
  let rest = '';
  /** The line being read has already passed the limit: what remains of it is skipped. */
  let overlong = false;
  let line = 0;
  const decoder = new TextDecoder();
  const read = (text: string, into: ParsedLine[]) => {
    line++;
    if (overlong || text.length > MAX_LINE_CHARS) {
      overlong = false;
      into.push(tooLong(line));
      return;
    }
    if (text.trim() === '') return;
    try {
      into.push(readEvent(JSON.parse(text), line));
    } catch {
      into.push({ ok: false, line, reason: t('directReport.event.invalidJson') });
    }
  };
  for await (const chunk of stream) {
    const text = rest + decoder.decode(chunk as Uint8Array, { stream: true });
    const parsed: ParsedLine[] = [];
    let start = 0;
    for (let newline = text.indexOf('\n'); newline >= 0; newline = text.indexOf('\n', start)) {
      read(text.slice(start, newline), parsed);
      start = newline + 1;
    }
    rest = text.slice(start);
    if (rest.length > MAX_LINE_CHARS) {
      overlong = true;
      rest = '';
    }
    if (parsed.length > 0) yield parsed;
  }
  const last: ParsedLine[] = [];
  const tail = rest + decoder.decode();
  if (overlong || tail.trim() !== '') read(tail, last);
  if (last.length > 0) yield last;
}

/**
 * Yields the elements of a top-level JSON array, parsed, a chunk's worth at a time, without holding
 * the array: a small scanner cuts out one element at a time (tracking strings and nesting) and
 * parses only that.
 */
export async function* parseJsonArray(stream: Readable): AsyncGenerator<ParsedLine[]> {
  const decoder = new TextDecoder();
  let state: 'before' | 'between' | 'element' | 'after' = 'before';
  let element = '';
  let depth = 0;
  let inString = false;
  let escaped = false;
  /** The element being read has already passed the limit: it is scanned to its end but not kept. */
  let overlong = false;
  let index = 0;
  for await (const chunk of stream) {
    const parsed: ParsedLine[] = [];
    for (const char of decoder.decode(chunk as Uint8Array, { stream: true })) {
      if (state === 'before') {
        if (char === '[') state = 'between';
        else if (!/\s/.test(char)) throw new SyntaxError(t('directReport.event.notJsonOrNdjson'));
        continue;
      }
      if (state === 'after') continue;
      if (state === 'between') {
        if (char === ']') state = 'after';
        else if (char === ',' || /\s/.test(char)) continue;
        else {
          state = 'element';
          element = '';
          overlong = false;
          depth = 0;
        }
        if (state !== 'element') continue;
      }
      if (!overlong) element += char;
      if (element.length > MAX_LINE_CHARS) {
        overlong = true;
        element = '';
      }
      if (inString) {
        if (escaped) escaped = false;
        else if (char === '\\') escaped = true;
        else if (char === '"') inString = false;
        continue;
      }
      if (char === '"') inString = true;
      else if (char === '{' || char === '[') depth++;
      else if (char === '}' || char === ']') depth--;
      const ended = depth === 0 && (char === '}' || char === ']' || char === '"');
      if (depth < 0 || ended || (depth === 0 && (char === ',' || /\s/.test(char)))) {
        const text = depth < 0 || char === ',' || /\s/.test(char) ? element.slice(0, -1) : element;
        index++;
        if (overlong) parsed.push(tooLong(index));
        else
          try {
            parsed.push(readEvent(JSON.parse(text), index));
          } catch {
            parsed.push({ ok: false, line: index, reason: t('directReport.event.invalidJson') });
          }
        state = depth < 0 ? 'after' : 'between';
        depth = 0;
      }
    }
    if (parsed.length > 0) yield parsed;
  }
}
