import { t } from '../i18n/messages.ts';
import { accept, refuse, type ValidationResult } from './result.ts';

/** Weights of the 17 body digits, GB 11643-1999 §8.2 (2^(18-i) mod 11). */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
/** Check character for each (sum mod 11), GB 11643-1999 §8.2. */
const CHECK_CHARS = '10X98765432';
const EARLIEST_BIRTH_YEAR = 1900;

export interface IdCardFacts {
  /** The number, upper-cased, without spaces. */
  number: string;
  /** Birth date as YYYY-MM-DD, from digits 7–14. */
  birthDate: string;
  /** From the order code's last digit (digit 17): odd is male, GB 11643-1999 §5.3. */
  gender: 'male' | 'female';
}

/** The check character that the 17 body digits call for. */
export function computeIdCardCheckChar(body17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(body17[i]) * (WEIGHTS[i] ?? 0);
  return CHECK_CHARS[sum % 11] ?? '';
}

function parseBirthDate(digits: string, today: Date): string | undefined {
  const year = Number(digits.slice(0, 4));
  const month = Number(digits.slice(4, 6));
  const day = Number(digits.slice(6, 8));
  const date = new Date(Date.UTC(year, month - 1, day));
  const isCalendarDate = date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  if (!isCalendarDate || year < EARLIEST_BIRTH_YEAR || date.getTime() > today.getTime()) return undefined;
  return `${digits.slice(0, 4)}-${digits.slice(4, 6)}-${digits.slice(6, 8)}`;
}

/** Validates a resident ID number (公民身份号码) by GB 11643-1999: 18 characters, birth date, check digit. */
export function parseIdCard(input: string, today: Date = new Date()): ValidationResult<IdCardFacts> {
  const number = input.replace(/\s+/g, '').toUpperCase();
  if (number === '') return refuse(t('validators.idCard.required'));
  if (!/^\d{17}[\dX]$/.test(number)) return refuse(t('validators.idCard.format'));
  // Province codes run 11–82 (GB/T 2260); a leading 0 or 9 is never a region.
  if (!/^[1-8][1-9]/.test(number)) return refuse(t('validators.idCard.region'));
  const birthDate = parseBirthDate(number.slice(6, 14), today);
  if (!birthDate) return refuse(t('validators.idCard.birthDate'));
  if (computeIdCardCheckChar(number.slice(0, 17)) !== number[17]) return refuse(t('validators.idCard.checkDigit'));
  const gender = Number(number[16]) % 2 === 1 ? 'male' : 'female';
  return accept({ number, birthDate, gender });
}
