import { accept, refuse, type ValidationResult } from './result.ts';

export const urlMessages = {
  required: '请输入网址',
  format: '请输入以 http:// 或 https:// 开头的完整网址，如 https://www.example.cn',
} as const;

/** Validates a web address: http or https with a dotted host. A bare host gets https:// added. */
export function parseUrl(input: string): ValidationResult {
  const text = input.trim();
  if (text === '') return refuse(urlMessages.required);
  const withScheme = /^[a-z][a-z0-9+.-]*:/i.test(text) ? text : `https://${text}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    return refuse(urlMessages.format);
  }
  const isWeb = url.protocol === 'http:' || url.protocol === 'https:';
  if (!isWeb || !url.hostname.includes('.') || url.username || url.password) return refuse(urlMessages.format);
  return accept(url.href);
}
