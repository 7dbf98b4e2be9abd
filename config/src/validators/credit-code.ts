import { t } from '../i18n/messages.ts';
import { accept, refuse, type ValidationResult } from './result.ts';

/** The 31 characters of GB 32100-2015 §4.2: digits and capitals without I, O, S, V, Z. */
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
/** Weights of positions 1–17, GB 32100-2015 §5 (3^(i-1) mod 31). */
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

/** The check character that the first 17 characters call for (31 − Σ mod 31, GB 32100-2015 §5). */
export function computeCreditCodeCheckChar(body17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += ALPHABET.indexOf(body17[i] ?? '') * (WEIGHTS[i] ?? 0);
  return ALPHABET[(31 - (sum % 31)) % 31] ?? '';
}

/** The 0–30 value of each allowed character by its char code; -1 for any other character. */
const VALUES = Array.from({ length: 128 }, (_, code) => ALPHABET.indexOf(String.fromCharCode(code)));

/**
 * Whether `code` (already without spaces, upper-case) is a valid credit code: the same checks as
 * parseCreditCode in one pass without allocating, for the login events (50 000 a second).
 */
export function isCreditCode(code: string): boolean {
  if (code.length !== 18) return false;
  let sum = 0;
  for (let i = 0; i < 18; i++) {
    const char = code.charCodeAt(i);
    const value = char < 128 ? (VALUES[char] ?? -1) : -1;
    if (value < 0 || (i >= 2 && i < 8 && value > 9)) return false;
    if (i < 17) sum += value * (WEIGHTS[i] ?? 0);
    else if (value !== (31 - (sum % 31)) % 31) return false;
  }
  return true;
}

/** Validates a unified social credit code (统一社会信用代码) by GB 32100-2015. */
export function parseCreditCode(input: string): ValidationResult {
  const code = input.replace(/\s+/g, '').toUpperCase();
  if (code === '') return refuse(t('validators.creditCode.required'));
  if (code.length !== 18) return refuse(t('validators.creditCode.length'));
  if (![...code].every((c) => ALPHABET.includes(c))) return refuse(t('validators.creditCode.charset'));
  if (!/^\d{6}$/.test(code.slice(2, 8))) return refuse(t('validators.creditCode.region'));
  if (computeCreditCodeCheckChar(code.slice(0, 17)) !== code[17]) return refuse(t('validators.creditCode.checkChar'));
  return accept(code);
}
