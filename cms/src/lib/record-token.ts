import { timingSafeEqual } from 'node:crypto';
import { t } from '@statdesk/config';
import { numberStart, type RecordKindId } from '@statdesk/config/contract';
import { PublicError } from './http-errors';
import { signFor } from './signing';

/** What a query token lets its holder do: act on these records until `exp` (seconds). */
export interface RecordGrant {
  records: string[];
  exp: number;
}

/**
 * A query is forgotten after 30 minutes without use (shared lab computers): each use of /query
 * renews the token, so `exp` is the last use plus this. RECORD_TOKEN_IDLE_SECONDS shortens it for
 * tests; read on each issue, so a test's setting applies at once.
 */
const idleSeconds = (): number => Number(process.env.RECORD_TOKEN_IDLE_SECONDS) || 30 * 60;

const sign = (payload: string) => signFor('record-token', payload);

/** A short-lived bearer token naming the records a query password opened. Stateless: any instance can check it. */
export function issueRecordToken(records: string[], now = Date.now()): string {
  const payload = Buffer.from(JSON.stringify({ records, exp: Math.floor(now / 1000) + idleSeconds() })).toString('base64url');
  return `${payload}.${sign(payload)}`;
}

/** The grant of a valid, unexpired token, or undefined. */
export function readRecordToken(token: string | undefined, now = Date.now()): RecordGrant | undefined {
  const [payload, signature] = (token ?? '').split('.');
  if (!payload || !signature) return undefined;
  const expected = Buffer.from(sign(payload));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return undefined;
  try {
    const grant = JSON.parse(Buffer.from(payload, 'base64url').toString()) as RecordGrant;
    if (!Array.isArray(grant.records) || typeof grant.exp !== 'number' || grant.exp * 1000 < now) return undefined;
    return grant;
  } catch {
    return undefined;
  }
}

/** The token of an `Authorization: Bearer …` header. */
export const bearerToken = (header: string | undefined): string | undefined => /^Bearer\s+(\S+)$/i.exec(header ?? '')?.[1];

/** The record of a kind (`TJ-`, `DL-`) that the look-up token in an Authorization header opens; 401 otherwise. */
export function lookedUpRecord(authorization: string | undefined, kind: RecordKindId): string {
  const no = readRecordToken(bearerToken(authorization))?.records.find((r) => r.startsWith(numberStart(kind)));
  if (!no) throw new PublicError(401, 'UnauthorizedError', t('http.queryExpired'));
  return no;
}
