import { t } from '../i18n/messages.ts';
import { accept, refuse, type ValidationResult } from './result.ts';

/** Mainland mobile numbers: 11 digits starting 13–19 (MIIT numbering plan). */
const MOBILE = /^1[3-9]\d{9}$/;

/** Validates a mainland mobile number, accepting spaces, hyphens and a +86/0086 prefix; returns 11 digits. */
export function parsePhone(input: string): ValidationResult {
  const compact = input.replace(/[\s\-()（）]/g, '');
  if (compact === '') return refuse(t('validators.phone.required'));
  const national = compact.replace(/^(?:\+86|0086)/, '');
  if (!MOBILE.test(national)) return refuse(t('validators.phone.format'));
  return accept(national);
}
