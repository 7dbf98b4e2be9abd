import { t } from '../i18n/messages.ts';
import type { SubmissionStatus } from './submission.ts';

/**
 * The access period granted at approval (seeds/000 §二 数据使用期限): its last day is a calendar
 * day in China, so every comparison uses Asia/Shanghai dates (UTC+8 all year, no daylight saving).
 */
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;
const MS_PER_DAY = 86_400_000;

/** Today's date in Asia/Shanghai, written YYYY-MM-DD. */
export const shanghaiDate = (now: Date): string => new Date(now.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);

/** The calendar date `days` after `date` (both YYYY-MM-DD). */
export const addDays = (date: string, days: number): string =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * MS_PER_DAY).toISOString().slice(0, 10);

/** What is filed against a data application once approved (seeds/000 §3.3 变更, §3.5 成果). */
export type Filing = 'outcome' | 'change';

const FILING_WORDS: Record<Filing, string> = {
  outcome: t('workflow.access.outcomeFiling'),
  change: t('workflow.access.changeFiling'),
};

/** Whether the period has ended by `today`: its last day (`accessEnd`) is before today. */
export const hasEnded = (accessEnd: string | null | undefined, today: string): boolean => Boolean(accessEnd) && String(accessEnd) < today;

/**
 * Why an outcome or a change may not be filed against this application, or undefined when it may.
 * A period that ended before the daily job ran counts as ended, so the refusal never waits for it.
 */
export function accessRefusal(
  application: { status: string; accessEnd?: string | null | undefined },
  filing: Filing,
  today: string,
): string | undefined {
  const status = application.status as SubmissionStatus;
  if (status === 'revoked') return t('workflow.access.revoked', { filing: FILING_WORDS[filing] });
  if (status === 'expired' || (status === 'approved' && hasEnded(application.accessEnd, today)))
    return t('workflow.access.expired', { end: String(application.accessEnd), filing: FILING_WORDS[filing] });
  return undefined;
}
