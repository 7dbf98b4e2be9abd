import { createHmac, timingSafeEqual } from 'node:crypto';
import { isCreditCode, t } from '@statdesk/config';
import type { GateLink } from '@statdesk/config/contract';
import { invalidFields } from './http-errors';

/**
 * A registration link the gate hands out for an enterprise without a registered statistician
 * (seeds/004 §十: the platform asks while the person is logged in with the enterprise's account).
 * The token is `<code>.<expiry in seconds>.<HMAC>`: stateless, so any instance checks it, and the
 * site learns which enterprise sent the person without being able to forge one.
 *
 * Links are minted per enterprise once per window and kept: the gate answers thousands of times a
 * second (docs/benchmarks.md) and must not sign on each request. A link lasts between
 * LIFETIME − WINDOW and LIFETIME.
 */
const WINDOW_SECONDS = 15 * 60;
const LIFETIME_SECONDS = 2 * 60 * 60;
const REMEMBERED = 10_000;
export const REGISTER_PATH = '/statisticians/register';

const secret = (): string => {
  const key = process.env.JWT_SECRET ?? process.env.APP_KEYS?.split(',')[0];
  if (!key) throw new Error('JWT_SECRET is not set');
  return key;
};

// A purpose prefix keeps these signatures apart from the record tokens' (lib/record-token), which share the secret.
const sign = (payload: string) => createHmac('sha256', `gate-link:${secret()}`).update(payload).digest('base64url');

/** The public site's address as people see it: SITE_PUBLIC_URL, else the first of SITE_DOMAINS over https. */
export function siteOrigin(): string {
  const configured = process.env.SITE_PUBLIC_URL?.replace(/\/$/, '');
  if (configured) return configured;
  const host = process.env.SITE_DOMAINS?.split(',')[0]?.trim();
  return host ? `https://${host}` : '';
}

export function signGateLink(code: string, expiresAtSeconds: number): GateLink {
  const payload = `${code}.${expiresAtSeconds}`;
  const token = `${payload}.${sign(payload)}`;
  return {
    url: `${siteOrigin()}${REGISTER_PATH}?gate=${token}`,
    token,
    expiresAt: new Date(expiresAtSeconds * 1000).toISOString(),
  };
}

/** The enterprise and expiry of a link the gate issued; a 400 on the field `gateToken` otherwise. */
export function readGateLink(token: unknown, now = Date.now()): { enterpriseCode: string; expiresAt: string } {
  const [code, exp, signature] = (typeof token === 'string' ? token : '').split('.');
  const invalid = () => invalidFields({ gateToken: t('statistician.gateLink.invalid') });
  if (!code || !exp || !signature || !/^\d{1,12}$/.test(exp)) throw invalid();
  const expected = Buffer.from(sign(`${code}.${exp}`));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) throw invalid();
  if (Number(exp) * 1000 <= now) throw invalidFields({ gateToken: t('statistician.gateLink.expired') });
  return { enterpriseCode: code, expiresAt: new Date(Number(exp) * 1000).toISOString() };
}

/** One link per enterprise per window, remembered; none for a code that is no credit code (GB 32100). */
export function gateLinks() {
  const links = new Map<string, { window: number; link: GateLink }>();
  return (code: string, now = Date.now()): GateLink | undefined => {
    const window = Math.floor(now / 1000 / WINDOW_SECONDS);
    const known = links.get(code);
    if (known?.window === window) return known.link;
    if (!isCreditCode(code)) return undefined;
    if (links.size >= REMEMBERED) links.clear();
    const link = signGateLink(code, window * WINDOW_SECONDS + LIFETIME_SECONDS);
    links.set(code, { window, link });
    return link;
  };
}
