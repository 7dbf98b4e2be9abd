/**
 * What the site remembers between two requests, in cookies only (the site keeps no state, so
 * any instance can answer): the short-lived record token of a query, and the confirmation of a
 * submission, encrypted, shown once and then deleted. The query password never goes in a URL.
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import type { AstroCookies } from 'astro';

const TOKEN_COOKIE = 'sd_records';
const CONFIRMATION_COOKIE = 'sd_confirmation';
const TOKEN_MINUTES = 30;

const cookieOptions = (url: URL, maxAgeSeconds: number) => ({
  httpOnly: true,
  sameSite: 'strict' as const,
  secure: url.protocol === 'https:',
  path: '/',
  maxAge: maxAgeSeconds,
});

export interface LookUpCookie {
  remember(cookies: AstroCookies, url: URL, token: string): void;
  token(cookies: AstroCookies): string | undefined;
  forget(cookies: AstroCookies): void;
}

/** A look-up's token in a cookie of its own, so that one look-up never mixes with another's. */
function lookUpCookie(name: string): LookUpCookie {
  return {
    remember: (cookies, url, token) => cookies.set(name, token, cookieOptions(url, TOKEN_MINUTES * 60)),
    token: (cookies) => cookies.get(name)?.value || undefined,
    forget: (cookies) => cookies.delete(name, { path: '/' }),
  };
}

/** The records query's token (also set by a submission, to open its record), the statistician look-up's and the agency status look-up's. */
export const recordsCookie = lookUpCookie(TOKEN_COOKIE);
export const registrationCookie = lookUpCookie('sd_registration');
export const agencyCookie = lookUpCookie('sd_agency');

export const rememberRecordToken = recordsCookie.remember;
export const recordToken = recordsCookie.token;

export interface Confirmation {
  kind: string;
  applicationNo: string;
  queryPassword?: string;
  /** 修改申请: the same number and password, a new form to print. */
  resubmitted?: boolean;
}

function key(): Buffer {
  const secret = process.env.SITE_SECRET ?? process.env.APP_KEYS;
  if (!secret) throw new Error('SITE_SECRET is not set');
  return createHash('sha256').update(`confirmation:${secret}`).digest();
}

/** AES-256-GCM: the password inside the cookie can be neither read nor altered by the browser. */
export function stashConfirmation(cookies: AstroCookies, url: URL, confirmation: Confirmation): void {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key(), iv);
  const body = Buffer.concat([cipher.update(JSON.stringify(confirmation), 'utf8'), cipher.final()]);
  cookies.set(CONFIRMATION_COOKIE, Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url'), cookieOptions(url, 10 * 60));
}

/** The confirmation once: reading it deletes it, so a refresh or the back button cannot show the password again. */
export function takeConfirmation(cookies: AstroCookies): Confirmation | undefined {
  const value = cookies.get(CONFIRMATION_COOKIE)?.value;
  if (!value) return undefined;
  cookies.delete(CONFIRMATION_COOKIE, { path: '/' });
  try {
    const raw = Buffer.from(value, 'base64url');
    const decipher = createDecipheriv('aes-256-gcm', key(), raw.subarray(0, 12));
    decipher.setAuthTag(raw.subarray(12, 28));
    return JSON.parse(Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8')) as Confirmation;
  } catch {
    return undefined;
  }
}
