import { describe, expect, it } from 'vitest';
import {
  computeTurnaround,
  type DecidedSubmission,
  median,
  monthsBefore,
  percentile,
  summariseDays,
  workingDaysBetween,
} from '../../../../config/src/workflow/turnaround.ts';

describe('working days', () => {
  it('counts a decision on the day of the upload as 0 working days', () => {
    expect(workingDaysBetween('2026-11-18', '2026-11-18')).toBe(0);
  });

  it('counts Friday to Monday as 1 working day, the weekend skipped', () => {
    expect(workingDaysBetween('2026-11-20', '2026-11-23')).toBe(1);
  });

  it('counts an upload on Saturday decided on Monday as 1 working day', () => {
    expect(workingDaysBetween('2026-11-21', '2026-11-23')).toBe(1);
  });

  it('counts two full weeks as 10 working days and three weeks and two days as 17', () => {
    expect(workingDaysBetween('2026-11-02', '2026-11-16')).toBe(10);
    expect(workingDaysBetween('2026-11-02', '2026-11-25')).toBe(17);
  });

  it('agrees with counting day by day over every start and length of two months', () => {
    const start = Date.parse('2026-01-01T00:00:00Z');
    const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
    for (let from = 0; from < 14; from++)
      for (let length = 0; length < 60; length++) {
        let expected = 0;
        for (let d = from + 1; d <= from + length; d++) {
          const weekday = new Date(start + d * 86_400_000).getUTCDay();
          if (weekday !== 0 && weekday !== 6) expected++;
        }
        expect(workingDaysBetween(iso(start + from * 86_400_000), iso(start + (from + length) * 86_400_000))).toBe(expected);
      }
  });
});

describe('median and 90th percentile', () => {
  it('takes the middle value of an odd count and the mean of the two middle ones of an even count', () => {
    expect(median([9, 1, 5])).toBe(5);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it('takes the nearest rank: the 9th smallest of 10 values, the largest of 5', () => {
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 90)).toBe(9);
    expect(percentile([3, 1, 2, 5, 4], 90)).toBe(5);
    expect(percentile([7], 90)).toBe(7);
  });
});

describe('suppression', () => {
  it('publishes nothing for a group of 4 decisions and the figures for a group of 5', () => {
    expect(summariseDays([1, 2, 3, 4])).toBeUndefined();
    expect(summariseDays([1, 2, 3, 4, 10])).toEqual({ decided: 5, medianDays: 3, p90Days: 10 });
  });
});

describe('months', () => {
  it('keeps the day within the month when going back (05-31 → 02-28)', () => {
    expect(monthsBefore('2026-05-31', 3)).toBe('2026-02-28');
    expect(monthsBefore('2026-02-15', 3)).toBe('2025-11-15');
  });
});

describe('the turnaround of decided submissions', () => {
  const now = new Date('2026-12-03T10:00:00+08:00');
  /** A data application completed on `from` and decided on `to` (Asia/Shanghai mornings). */
  const decided = (kind: DecidedSubmission['kind'], from: string, to: string): DecidedSubmission => ({
    kind,
    completeAt: `${from}T09:00:00+08:00`,
    decidedAt: `${to}T10:00:00+08:00`,
  });

  it('groups by kind and by the month of the decision in Asia/Shanghai, and drops groups under 5', () => {
    const november = ['2026-11-02', '2026-11-03', '2026-11-04', '2026-11-05', '2026-11-06'].map((from) =>
      decided('data-application', from, '2026-11-16'),
    );
    // Decided at 00:30 on 1 November in Beijing, which is still October in UTC.
    const lateNight = { kind: 'data-application' as const, completeAt: '2026-10-26T09:00:00+08:00', decidedAt: '2026-10-31T16:30:00Z' };
    const fourInstitutions = ['2026-11-02', '2026-11-03', '2026-11-04', '2026-11-05'].map((from) =>
      decided('institution', from, '2026-11-09'),
    );
    const result = computeTurnaround([...november, lateNight, ...fourInstitutions], now);
    // 10, 9, 8, 7, 6 working days in November and 4 (27–30 October) for the late-night one.
    expect(result.months).toHaveLength(12);
    expect(result.months.at(0)).toBe('2026-01');
    expect(result.months.at(-1)).toBe('2026-12');
    expect(result.groups).toEqual([{ kind: 'data-application', month: '2026-11', decided: 6, medianDays: 7.5, p90Days: 10 }]);
    expect(result.recentSince).toBe('2026-09-03');
    expect(result.recent).toEqual([{ kind: 'data-application', decided: 6, medianDays: 7.5, p90Days: 10 }]);
  });

  it('leaves decisions before the last three months out of the recent figure', () => {
    const august = Array.from({ length: 5 }, () => decided('outcome', '2026-08-03', '2026-08-10'));
    const result = computeTurnaround(august, now);
    expect(result.groups).toEqual([{ kind: 'outcome', month: '2026-08', decided: 5, medianDays: 5, p90Days: 5 }]);
    expect(result.recent).toEqual([]);
  });
});
