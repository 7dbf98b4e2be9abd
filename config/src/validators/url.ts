import { t } from '../i18n/messages.ts';
import { accept, refuse, type ValidationResult } from './result.ts';

/** Validates a web address: http or https with a dotted host. A bare host gets https:// added. */
export function parseUrl(input: string): ValidationResult {
  const text = input.trim();
  if (text === '') return refuse(t('validators.url.required'));
  const withScheme = /^[a-z][a-z0-9+.-]*:/i.test(text) ? text : `https://${text}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    return refuse(t('validators.url.format'));
  }
  const isWeb = url.protocol === 'http:' || url.protocol === 'https:';
  if (!isWeb || !url.hostname.includes('.') || url.username || url.password) return refuse(t('validators.url.format'));
  return accept(url.href);
}
