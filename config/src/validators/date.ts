/**
 * Dates and instants as the API and the forms exchange them (DESIGN.md: "dates are ISO 8601 with
 * offset"), checked against the calendar. JavaScript's `new Date('2026-02-30T09:00:00+08:00')`
 * rolls an impossible day forward to 2026-03-02 instead of refusing it, so nothing here asks
 * `Date` whether a text is a date: the digits are read and their ranges checked.
 */
import { t } from '../i18n/messages.ts';
import { accept, refuse, type ValidationResult } from './result.ts';

const ZERO = 48;
const MS_PER_DAY = 86_400_000;

/** Whether `year` is a leap year of the Gregorian calendar (ISO 8601 uses it, proleptically). */
const isLeapYear = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

/** Whether year-month-day (month 1–12) is a day that exists: 2024-02-29 does, 2026-02-29 and 2026-04-31 do not. */
export function isCalendarDate(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return false;
  if (month < 1 || month > 12 || day < 1) return false;
  const days = month === 2 ? (isLeapYear(year) ? 29 : 28) : month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
  return day <= days;
}

/** The number written by `count` ASCII digits of `text` from `at`, or -1 if one is not a digit. */
function digitsAt(text: string, at: number, count: number): number {
  let value = 0;
  for (let i = at; i < at + count; i++) {
    const digit = text.charCodeAt(i) - ZERO;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

/**
 * Days from 1970-01-01 to a calendar date (H. Hinnant, "chrono-compatible low-level date
 * algorithms", days_from_civil): plain arithmetic, so years below 100 are not read as 19xx the
 * way `Date.UTC` reads them.
 */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/** The YYYY-MM-DD at the start of `text`, as days since 1970-01-01, or undefined if it is not a calendar date. */
function readDate(text: string): number | undefined {
  if (text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return undefined; // '-'
  const year = digitsAt(text, 0, 4);
  const month = digitsAt(text, 5, 2);
  const day = digitsAt(text, 8, 2);
  if (year < 0 || !isCalendarDate(year, month, day)) return undefined;
  return daysFromCivil(year, month, day);
}

/** Whether `text` is exactly a calendar date written YYYY-MM-DD (ISO 8601 extended format). */
export const isIsoDate = (text: string): boolean => text.length === 10 && readDate(text) !== undefined;

/** Validates a date written YYYY-MM-DD that exists in the calendar; returns it trimmed. */
export function parseIsoDate(input: string): ValidationResult {
  const text = input.trim();
  return isIsoDate(text) ? accept(text) : refuse(t('validators.date.date'));
}

/**
 * The instant an ISO 8601 date-time names, in milliseconds since 1970-01-01T00:00:00Z, or undefined
 * if it is not one. Accepted (RFC 3339 §5.6, plus the seconds left out and an offset without its
 * colon, both ISO 8601): `YYYY-MM-DDThh:mm[:ss[.f…]]` followed by `Z` or `±hh[:]mm`, with 1–9
 * fraction digits; the date must exist, hours run 00–23, minutes and seconds 00–59, and an offset
 * is at most 23:59. An instant without an offset is refused: it would not say which instant it is.
 * It runs once per login event (50 000 a second): one pass over the characters, no regular
 * expression and no Date.
 */
export function isoDateTimeMillis(text: string): number | undefined {
  const length = text.length;
  if (length < 17 || text.charCodeAt(10) !== 84 || text.charCodeAt(13) !== 58) return undefined; // 'T', ':'
  const days = readDate(text);
  const hour = digitsAt(text, 11, 2);
  const minute = digitsAt(text, 14, 2);
  if (days === undefined || hour < 0 || hour > 23 || minute < 0 || minute > 59) return undefined;
  let at = 16;
  let second = 0;
  let millis = 0;
  if (text.charCodeAt(at) === 58) {
    second = digitsAt(text, at + 1, 2);
    if (second < 0 || second > 59) return undefined;
    at += 3;
    if (text.charCodeAt(at) === 46) {
      // '.': up to nine digits; milliseconds keep the first three, as Date does.
      let count = 0;
      for (at++; count < 10 && at < length; at++, count++) {
        const digit = text.charCodeAt(at) - ZERO;
        if (digit < 0 || digit > 9) break;
        if (count < 3) millis += digit * 10 ** (2 - count);
      }
      if (count < 1 || count > 9) return undefined;
    }
  }
  const offset = readOffsetMinutes(text, at);
  if (offset === undefined) return undefined;
  return days * MS_PER_DAY + ((hour * 60 + minute - offset) * 60 + second) * 1000 + millis;
}

/** The offset that ends `text` from `at` (`Z`, `±hh:mm` or `±hhmm`) in minutes east of UTC. */
function readOffsetMinutes(text: string, at: number): number | undefined {
  const rest = text.length - at;
  const sign = text.charCodeAt(at);
  if (sign === 90) return rest === 1 ? 0 : undefined; // 'Z'
  if ((sign !== 43 && sign !== 45) || (rest !== 6 && rest !== 5)) return undefined; // '+', '-'
  if (rest === 6 && text.charCodeAt(at + 3) !== 58) return undefined;
  const hours = digitsAt(text, at + 1, 2);
  const minutes = digitsAt(text, at + rest - 2, 2);
  if (hours < 0 || hours > 23 || minutes < 0 || minutes > 59) return undefined;
  return (sign === 45 ? -1 : 1) * (hours * 60 + minutes);
}

/** Whether `text` is an ISO 8601 date-time with an offset that exists in the calendar and the clock. */
export const isIsoDateTime = (text: string): boolean => isoDateTimeMillis(text) !== undefined;

/** Validates an ISO 8601 date-time with an offset; returns the instant in UTC (`toISOString`). */
export function parseIsoDateTime(input: string): ValidationResult {
  const millis = isoDateTimeMillis(input.trim());
  return millis === undefined ? refuse(t('validators.date.dateTime')) : accept(new Date(millis).toISOString());
}
