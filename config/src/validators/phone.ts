import { accept, refuse, type ValidationResult } from './result.ts';

export const phoneMessages = {
  required: '请输入手机号码',
  format: '请输入11位中国大陆手机号码，如 138 0013 8000',
} as const;

/** Mainland mobile numbers: 11 digits starting 13–19 (MIIT numbering plan). */
const MOBILE = /^1[3-9]\d{9}$/;

/** Validates a mainland mobile number, accepting spaces, hyphens and a +86/0086 prefix; returns 11 digits. */
export function parsePhone(input: string): ValidationResult {
  const compact = input.replace(/[\s\-()（）]/g, '');
  if (compact === '') return refuse(phoneMessages.required);
  const national = compact.replace(/^(?:\+86|0086)/, '');
  if (!MOBILE.test(national)) return refuse(phoneMessages.format);
  return accept(national);
}
