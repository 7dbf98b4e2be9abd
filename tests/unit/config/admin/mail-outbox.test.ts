import { describe, expect, it } from 'vitest';
import {
  afterFailedAttempt,
  MAIL_MAX_ATTEMPTS,
  mailRetryDelayMs,
  outboxStateLabel,
  outboxStates,
} from '../../../../config/src/admin/mail-outbox.ts';

const MINUTE = 60_000;

describe('retrying mail to applicants', () => {
  it('waits a minute after the first failure and twice as long after each next one', () => {
    expect([1, 2, 3, 4, 5, 6].map((n) => mailRetryDelayMs(n) / MINUTE)).toEqual([1, 2, 4, 8, 16, 32]);
  });

  it('never waits longer than an hour between attempts, however many failed', () => {
    expect(mailRetryDelayMs(7)).toBe(60 * MINUTE);
    expect(mailRetryDelayMs(1000)).toBe(60 * MINUTE);
  });

  it('keeps trying for about a day before giving a message up', () => {
    const waited = Array.from({ length: MAIL_MAX_ATTEMPTS - 1 }, (_, i) => mailRetryDelayMs(i + 1)).reduce((a, b) => a + b, 0);
    expect(waited / (60 * MINUTE)).toBeGreaterThan(20);
    expect(waited / (60 * MINUTE)).toBeLessThan(30);
  });

  it('schedules the next attempt until the last one, then fails the message', () => {
    const now = new Date('2026-12-02T08:00:00Z');
    expect(afterFailedAttempt(3, now)).toEqual({ state: 'pending', nextAttemptAt: new Date('2026-12-02T08:04:00Z') });
    expect(afterFailedAttempt(MAIL_MAX_ATTEMPTS, now).state).toBe('failed');
  });

  it('names each state in the desk’s words', () => {
    expect(outboxStates.map(outboxStateLabel)).toEqual(['待发送', '已发送', '发送失败']);
  });
});
