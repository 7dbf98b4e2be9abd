import { t } from '../i18n/messages.ts';

/** Where a queued email stands: waiting (or retrying), delivered, or given up after MAIL_MAX_ATTEMPTS. */
export const outboxStates = ['pending', 'sent', 'failed'] as const;
export type OutboxState = (typeof outboxStates)[number];

/** The desk's words for each state: 待发送 / 已发送 / 发送失败. */
export const outboxStateLabel = (state: OutboxState): string => t(`mail.outbox.${state}`);

/** The first retry waits a minute; each next one twice as long. */
export const MAIL_RETRY_BASE_MS = 60_000;
/** No retry waits longer than an hour, so mail flows within the hour of the server's return. */
export const MAIL_RETRY_CAP_MS = 3_600_000;
/**
 * Attempts before a message is given up (state `failed`, shown on the desk): with the delays
 * above, about a day of a mail server that keeps refusing, long enough for an operator to notice.
 */
export const MAIL_MAX_ATTEMPTS = 30;

/** How long to wait after the given number of failed attempts (1 → 1 min, 2 → 2 min, … capped at 1 h). */
export function mailRetryDelayMs(failedAttempts: number): number {
  const doublings = Math.max(0, failedAttempts - 1);
  // 2 ** 6 minutes already passes the cap; stop doubling before the number grows without need.
  return Math.min(MAIL_RETRY_BASE_MS * 2 ** Math.min(doublings, 16), MAIL_RETRY_CAP_MS);
}

/** What a failed attempt leads to: another try at `nextAttemptAt`, or giving up. */
export function afterFailedAttempt(failedAttempts: number, now: Date): { state: OutboxState; nextAttemptAt: Date } {
  if (failedAttempts >= MAIL_MAX_ATTEMPTS) return { state: 'failed', nextAttemptAt: now };
  return { state: 'pending', nextAttemptAt: new Date(now.getTime() + mailRetryDelayMs(failedAttempts)) };
}
