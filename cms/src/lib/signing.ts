import { createHmac } from 'node:crypto';

/** The one secret every StatDesk signature is keyed with: JWT_SECRET, else the first of APP_KEYS. */
function signingSecret(): string {
  const key = process.env.JWT_SECRET ?? process.env.APP_KEYS?.split(',')[0];
  if (!key) throw new Error('JWT_SECRET is not set');
  return key;
}

/**
 * An HMAC-SHA256 of `payload` for one purpose (`gate-link`, `record-token`, `registration-link`):
 * the purpose prefix keeps the signatures of different uses apart although they share the secret.
 */
export const signFor = (purpose: string, payload: string): string =>
  createHmac('sha256', `${purpose}:${signingSecret()}`).update(payload).digest('base64url');
