import { t } from '../i18n/messages.ts';
import { accept, refuse, type ValidationResult } from './result.ts';

// Deliberately pragmatic (the WHATWG input[type=email] shape plus a dotted domain): the real
// check is that mail arrives, and a stricter pattern refuses addresses people really use.
const EMAIL =
  /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/;

/** Validates an email address; trims it and lower-cases nothing (local parts may be case-sensitive). */
export function parseEmail(input: string): ValidationResult {
  const email = input.trim();
  if (email === '') return refuse(t('validators.email.required'));
  if (email.length > 254 || !EMAIL.test(email)) return refuse(t('validators.email.format'));
  return accept(email);
}
