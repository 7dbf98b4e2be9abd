import { type SubmissionKindId, submissionKinds } from '../submissions.ts';
import { addDays, shanghaiDate } from './access-period.ts';

/**
 * Public turnaround figures of the review desk (seeds/000 §二: the data centre reviews what the
 * applicant uploaded): per kind of submission and per month, how many were decided and how many
 * working days the decisions took. Pure functions, so the CMS only reads the history and the
 * figures are tested here.
 *
 * - A submission is complete when it first enters 等待实验室审批: for the three kinds with a stamped
 *   form that is the first upload of it, for 最终成果登记 (no stamped form) its submission. The
 *   first one counts, so the days of a 退回修改 and the corrections are part of the time taken.
 * - A decision is 通过 or 不通过. 退回修改 is no decision: the process goes on under the same number.
 * - Working days are Monday to Friday (Asia/Shanghai dates). StatDesk keeps no holiday calendar,
 *   so public holidays and 调休 weekend days are not known here; the page says so.
 */

/** The fewest decisions a published group may have: a smaller one could point at a person. */
export const MIN_PUBLISHED_GROUP = 5;
/** How many months (the current one included) the public page shows. */
export const TURNAROUND_MONTHS = 12;
/** The window of the 同类申请 sentence on /query. */
export const RECENT_MONTHS = 3;

/** One decided submission as the history tells it: no number, no person. */
export interface DecidedSubmission {
  kind: SubmissionKindId;
  /** When it first entered 等待实验室审批 (ISO instant). */
  completeAt: string | Date;
  /** When it was approved or refused (ISO instant). */
  decidedAt: string | Date;
}

export interface TurnaroundFigures {
  decided: number;
  medianDays: number;
  p90Days: number;
}

const MS_PER_DAY = 86_400_000;

const toDate = (value: string | Date) => (value instanceof Date ? value : new Date(value));

/** Whether a YYYY-MM-DD date falls on Monday to Friday. */
export const isWorkingDay = (date: string): boolean => {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6;
};

/**
 * Working days from `from` to `to` (YYYY-MM-DD): the Monday-to-Friday days after `from`, up to and
 * including `to`. A decision on the day of the upload took 0; an upload on Friday decided on
 * Monday took 1. Zero when `to` is not after `from`.
 */
export function workingDaysBetween(from: string, to: string): number {
  const days = Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / MS_PER_DAY);
  if (days <= 0) return 0;
  const weeks = Math.floor(days / 7);
  let count = weeks * 5;
  for (let day = addDays(from, weeks * 7 + 1); day <= to; day = addDays(day, 1)) if (isWorkingDay(day)) count += 1;
  return count;
}

const sorted = (values: readonly number[]) => [...values].sort((a, b) => a - b);

/** The middle value; the mean of the two middle ones for an even count. NaN for none. */
export function median(values: readonly number[]): number {
  const s = sorted(values);
  if (s.length === 0) return Number.NaN;
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

/**
 * The nearest-rank percentile: the smallest value that at least `p` per cent of the values do not
 * exceed (the 90th of 10 values is the 9th smallest). Always a value that occurred. NaN for none.
 */
export function percentile(values: readonly number[], p: number): number {
  const s = sorted(values);
  if (s.length === 0) return Number.NaN;
  const rank = Math.max(1, Math.ceil((p / 100) * s.length));
  return s[rank - 1] as number;
}

/** The figures of one group, or undefined when it has fewer than MIN_PUBLISHED_GROUP decisions. */
export function summariseDays(days: readonly number[]): TurnaroundFigures | undefined {
  if (days.length < MIN_PUBLISHED_GROUP) return undefined;
  return { decided: days.length, medianDays: median(days), p90Days: percentile(days, 90) };
}

/** The YYYY-MM-DD date `months` calendar months before `date`, the day kept within the month (05-31 → 02-28). */
export function monthsBefore(date: string, months: number): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const index = year * 12 + (month - 1) - months;
  const y = Math.floor(index / 12);
  const m = (index % 12) + 1;
  const lastDay = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${y}-${String(m).padStart(2, '0')}-${String(Math.min(day, lastDay)).padStart(2, '0')}`;
}

/** The `count` months (YYYY-MM) ending with the month of `today`, oldest first. */
export const monthsUpTo = (today: string, count: number): string[] =>
  Array.from({ length: count }, (_, i) => monthsBefore(`${today.slice(0, 7)}-01`, count - 1 - i).slice(0, 7));

const kindIds = Object.keys(submissionKinds) as SubmissionKindId[];

/** The kinds that have a public turnaround, in the order the site lists them. */
export const turnaroundKinds: readonly SubmissionKindId[] = kindIds;

export interface TurnaroundGroup extends TurnaroundFigures {
  kind: SubmissionKindId;
  /** YYYY-MM of the decisions (Asia/Shanghai). */
  month: string;
}

export interface RecentTurnaround extends TurnaroundFigures {
  kind: SubmissionKindId;
}

export interface Turnaround {
  /** The months shown, oldest first (YYYY-MM). */
  months: string[];
  /** The first day (YYYY-MM-DD) of the recent window. */
  recentSince: string;
  /** Per kind and month, only groups of at least MIN_PUBLISHED_GROUP decisions. */
  groups: TurnaroundGroup[];
  /** Per kind, the decisions since `recentSince`, only when there are at least MIN_PUBLISHED_GROUP. */
  recent: RecentTurnaround[];
}

/** Groups the decided submissions by kind and month, and keeps only the groups that may be published. */
export function computeTurnaround(decided: readonly DecidedSubmission[], now: Date): Turnaround {
  const today = shanghaiDate(now);
  const months = monthsUpTo(today, TURNAROUND_MONTHS);
  const recentSince = monthsBefore(today, RECENT_MONTHS);
  const byMonth = new Map<string, number[]>();
  const recentByKind = new Map<SubmissionKindId, number[]>();
  for (const record of decided) {
    const decidedOn = shanghaiDate(toDate(record.decidedAt));
    const days = workingDaysBetween(shanghaiDate(toDate(record.completeAt)), decidedOn);
    const key = `${record.kind} ${decidedOn.slice(0, 7)}`;
    byMonth.set(key, [...(byMonth.get(key) ?? []), days]);
    if (decidedOn >= recentSince && decidedOn <= today) recentByKind.set(record.kind, [...(recentByKind.get(record.kind) ?? []), days]);
  }
  const groups = turnaroundKinds.flatMap((kind) =>
    months.flatMap((month) => {
      const figures = summariseDays(byMonth.get(`${kind} ${month}`) ?? []);
      return figures ? [{ kind, month, ...figures }] : [];
    }),
  );
  const recent = turnaroundKinds.flatMap((kind) => {
    const figures = summariseDays(recentByKind.get(kind) ?? []);
    return figures ? [{ kind, ...figures }] : [];
  });
  return { months, recentSince, groups, recent };
}
