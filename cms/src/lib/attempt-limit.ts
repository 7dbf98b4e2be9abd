import { createHmac } from 'node:crypto';
import { t } from '@statdesk/config';
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { PublicError } from './http-errors';
import { inTransaction } from './transaction';

/**
 * The attempt limits (docs/deploy.md, "Security model"): 5 failures per subject (a phone, an ID
 * number) or 20 per client address within 15 minutes, then 429.
 */
export const ATTEMPT_LIMITS = { perSubject: 5, perAddress: 20, windowMinutes: 15 } as const;

export type AttemptScope = 'phone' | 'id_number' | 'agency_no' | 'reset_request' | 'admin_email';

/** Keys are HMACs: the table never holds a phone or an ID number. */
const keyOf = (scope: string, value: string) =>
  createHmac('sha256', `query-limit:${process.env.JWT_SECRET ?? ''}`)
    .update(`${scope}:${value}`)
    .digest('hex');

async function recentFailures(trx: Knex.Transaction, scope: string, key: string) {
  const result = await trx.raw(
    `select count(*)::int as n, min(failed_at) as oldest from query_failures
     where scope = ? and key_hash = ? and failed_at > now() - make_interval(mins => ?)`,
    [scope, key, ATTEMPT_LIMITS.windowMinutes],
  );
  return result.rows[0] as { n: number; oldest: Date | null };
}

const retryAfterSeconds = (oldest: Date | null) =>
  Math.max(1, Math.ceil(((oldest?.getTime() ?? Date.now()) + ATTEMPT_LIMITS.windowMinutes * 60_000 - Date.now()) / 1000));

/**
 * Runs one password attempt under the limits. Attempts on one subject run one at a time across
 * instances (advisory locks, subject then address, so two never wait on each other in a cycle),
 * and the failure counts live in PostgreSQL, so the limit holds on every instance. `attempt`
 * answers undefined for a wrong password: that is recorded, then a 401 with `wrongMessage`.
 */
export async function limitedAttempt<T>(
  strapi: Core.Strapi,
  subject: { scope: AttemptScope; value: string },
  address: string,
  wrongMessage: string,
  attempt: () => Promise<T | undefined>,
): Promise<T> {
  const outcome = await underLimits(strapi, subject, address, attempt, (opened) => opened === undefined);
  if (outcome === undefined) throw new PublicError(401, 'UnauthorizedError', wrongMessage);
  return outcome;
}

/**
 * Runs a request that costs someone else something whatever its answer (a reset link mailed to an
 * applicant): every request counts against the subject and the address, under the same limits as
 * the password attempts, so nobody can fill a mailbox or probe many records from one address.
 */
export const limitedRequest = <T>(
  strapi: Core.Strapi,
  subject: { scope: AttemptScope; value: string },
  address: string,
  request: () => Promise<T>,
): Promise<T> => underLimits(strapi, subject, address, request, () => true);

/** Runs `run` unless a limit is reached (429), recording a failure when `counts` says so. */
export async function underLimits<T>(
  strapi: Core.Strapi,
  subject: { scope: AttemptScope; value: string },
  address: string,
  run: () => Promise<T>,
  counts: (answer: T) => boolean,
  refusal: (minutes: number) => string = (minutes) => t('http.tooManyAttempts', { minutes }),
): Promise<T> {
  const subjectKey = keyOf(subject.scope, subject.value);
  const addressKey = keyOf('address', address);
  const outcome = await inTransaction(strapi, async (trx) => {
    await trx.raw('select pg_advisory_xact_lock(hashtextextended(?, 0))', [`${subject.scope}:${subjectKey}`]);
    await trx.raw('select pg_advisory_xact_lock(hashtextextended(?, 0))', [`address:${addressKey}`]);
    const bySubject = await recentFailures(trx, subject.scope, subjectKey);
    const byAddress = await recentFailures(trx, 'address', addressKey);
    if (bySubject.n >= ATTEMPT_LIMITS.perSubject || byAddress.n >= ATTEMPT_LIMITS.perAddress) {
      const oldest = bySubject.n >= ATTEMPT_LIMITS.perSubject ? bySubject.oldest : byAddress.oldest;
      return { limited: true as const, retryAfter: retryAfterSeconds(oldest) };
    }
    const answer = await run();
    if (counts(answer))
      await trx.raw(`insert into query_failures (scope, key_hash) values (?, ?), ('address', ?)`, [subject.scope, subjectKey, addressKey]);
    return { limited: false as const, answer };
  });
  // Thrown after the commit, so that the failure just recorded is kept.
  if (outcome.limited) throw tooManyAttempts(outcome.retryAfter, refusal);
  return outcome.answer;
}

const tooManyAttempts = (retryAfter: number, refusal = (minutes: number) => t('http.tooManyAttempts', { minutes })) =>
  new PublicError(429, 'RateLimitError', refusal(Math.ceil(retryAfter / 60)), {}, { 'Retry-After': String(retryAfter) });

/**
 * Runs a check whose "yes" tells the asker a fact about someone else (this ID number is
 * registered: the 409 of a statistician's registration). Each "yes" counts as a failure of the
 * client address, under the same per-address limit as the password look-ups, so no address can
 * test ID numbers one after another. Not per subject: the person whose ID is tried is not under
 * attack, and another address registering or meeting the 409 must not be refused for it.
 */
export async function limitedDisclosure(strapi: Core.Strapi, address: string, check: () => Promise<boolean>): Promise<boolean> {
  const addressKey = keyOf('address', address);
  const outcome = await inTransaction(strapi, async (trx) => {
    await trx.raw('select pg_advisory_xact_lock(hashtextextended(?, 0))', [`address:${addressKey}`]);
    const byAddress = await recentFailures(trx, 'address', addressKey);
    if (byAddress.n >= ATTEMPT_LIMITS.perAddress) return { kind: 'limited' as const, retryAfter: retryAfterSeconds(byAddress.oldest) };
    const disclosed = await check();
    if (disclosed) await trx.raw(`insert into query_failures (scope, key_hash) values ('address', ?)`, [addressKey]);
    return { kind: 'answered' as const, disclosed };
  });
  if (outcome.kind === 'limited') throw tooManyAttempts(outcome.retryAfter);
  return outcome.disclosed;
}
