import { describe, expect, it } from 'vitest';
import { isCalendarDate, isIsoDate, isoDateTimeMillis, parseIsoDate, parseIsoDateTime } from '../../../../config/src/validators/date.ts';

describe('isCalendarDate', () => {
  it('knows the leap years of the Gregorian calendar', () => {
    expect(isCalendarDate(2024, 2, 29)).toBe(true);
    expect(isCalendarDate(2000, 2, 29)).toBe(true);
    expect(isCalendarDate(2026, 2, 29)).toBe(false);
    expect(isCalendarDate(1900, 2, 29)).toBe(false);
  });

  it('refuses a day past the end of its month and months outside 1–12', () => {
    expect(isCalendarDate(2026, 4, 30)).toBe(true);
    expect(isCalendarDate(2026, 4, 31)).toBe(false);
    expect(isCalendarDate(2026, 2, 30)).toBe(false);
    expect(isCalendarDate(2026, 13, 1)).toBe(false);
    expect(isCalendarDate(2026, 0, 1)).toBe(false);
    expect(isCalendarDate(2026, 1, 0)).toBe(false);
  });
});

describe('parseIsoDate', () => {
  it('accepts a date that exists, written YYYY-MM-DD', () => {
    expect(parseIsoDate(' 2024-02-29 ')).toEqual({ ok: true, value: '2024-02-29' });
    expect(isIsoDate('2026-12-31')).toBe(true);
  });

  it.each(['2026-02-30', '2026-02-29', '2026-04-31', '2026-13-01', '2026-00-10', '2026-1-5', '2026/12/01', '2026-12-01T00:00', ''])(
    'refuses %j, which JavaScript would roll forward or misread',
    (text) => {
      expect(parseIsoDate(text)).toEqual({ ok: false, message: '请按 2026-12-01 的格式填写一个确实存在的日期' });
    },
  );
});

describe('isoDateTimeMillis', () => {
  it('reads the instant as Date does for every valid form', () => {
    for (const text of [
      '2026-11-03T09:15:00+08:00',
      '2026-11-03T09:15+08:00',
      '2026-11-03T09:15:00.5Z',
      '2026-11-03T09:15:00.123456789-05:30',
      '2024-02-29T23:59:59+0800',
      '2026-12-31T23:59:59.999Z',
      '1970-01-01T00:00:00Z',
      '1969-12-31T23:59:59-00:00',
    ]) {
      expect(isoDateTimeMillis(text), text).toBe(Date.parse(text));
    }
  });

  it('does not read a two-digit-century year as 19xx', () => {
    expect(isoDateTimeMillis('0050-03-01T00:00:00Z')).toBe(Date.parse('0050-03-01T00:00:00Z'));
  });

  it.each([
    ['2026-02-30T09:00:00+08:00', 'a 30 February, which Date rolls to 2 March'],
    ['2026-02-29T09:00:00+08:00', 'a 29 February of a common year'],
    ['2026-04-31T09:00:00+08:00', 'a 31 April'],
    ['2026-13-01T09:00:00+08:00', 'month 13'],
    ['2026-11-03T24:00:00+08:00', 'hour 24'],
    ['2026-11-03T09:60:00+08:00', 'minute 60'],
    ['2026-11-03T09:15:60+08:00', 'second 60'],
    ['2026-11-03T09:15:00+24:00', 'an offset of 24 hours'],
    ['2026-11-03T09:15:00+08:60', 'an offset minute of 60'],
    ['2026-11-03T09:15:00', 'no offset'],
    ['2026-11-03 09:15:00+08:00', 'a space for the T'],
    ['2026-11-03T09:15:00.+08:00', 'a point without digits'],
    ['2026-11-03T09:15:00.1234567891Z', 'ten fraction digits'],
    ['2026-11-03T09:15:00+08:00 ', 'a trailing space'],
    ['2026-11-03T09:15:00Z+08:00', 'two offsets'],
    ['2026-11-03T9:15:00+08:00', 'a one-digit hour'],
    ['２０２６-11-03T09:15:00+08:00', 'full-width digits'],
  ])('refuses %s (%s)', (text) => {
    expect(isoDateTimeMillis(text)).toBeUndefined();
  });

  it('stays linear on a long run of digits (no backtracking)', () => {
    const text = `2026-11-03T09:15:00.${'1'.repeat(100_000)}Z`;
    const started = performance.now();
    expect(isoDateTimeMillis(text)).toBeUndefined();
    expect(performance.now() - started).toBeLessThan(50);
  });
});

describe('parseIsoDateTime', () => {
  it('returns the instant in UTC', () => {
    expect(parseIsoDateTime('2026-11-03T09:15:00+08:00')).toEqual({ ok: true, value: '2026-11-03T01:15:00.000Z' });
  });

  it('refuses an impossible date with a message naming the expected form', () => {
    expect(parseIsoDateTime('2026-02-30T09:00:00+08:00')).toEqual({
      ok: false,
      message: '应为带时区、确实存在的ISO 8601时间，如 2026-11-03T09:15:00+08:00',
    });
  });
});
