import { createHash, randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

// scrypt N=2^14, r=8, p=1: ~16 MB and tens of milliseconds per check, the interactive-login
// parameters of RFC 7914 §2; slow enough to make offline guessing of a leaked hash expensive.
const PARAMS = { N: 16384, r: 8, p: 1, maxmem: 64 * 1024 * 1024 } as const;
const KEY_LENGTH = 32;

const derive = (secret: string, salt: Buffer): Promise<Buffer> =>
  new Promise((resolve, reject) => scrypt(secret, salt, KEY_LENGTH, PARAMS, (error, key) => (error ? reject(error) : resolve(key))));

const format = (salt: Buffer, key: Buffer) => `scrypt$${salt.toString('base64url')}$${key.toString('base64url')}`;

function parse(stored: string): { salt: string; hash: Buffer } | undefined {
  const [scheme, salt, hash] = stored.split('$');
  return scheme === 'scrypt' && salt && hash ? { salt, hash: Buffer.from(hash, 'base64url') } : undefined;
}

const isSameKey = (expected: Buffer, actual: Buffer) => expected.length === actual.length && timingSafeEqual(expected, actual);

/** `scrypt$<salt>$<hash>`, both base64url. */
export async function hashSecret(secret: string): Promise<string> {
  const salt = randomBytes(16);
  return format(salt, await derive(secret, salt));
}

/** Compares in constant time; a malformed stored hash never matches. */
export async function verifySecret(secret: string, stored: string): Promise<boolean> {
  const parsed = parse(stored);
  if (!parsed) return false;
  return isSameKey(parsed.hash, await derive(secret, Buffer.from(parsed.salt, 'base64url')));
}

/** A hash of nothing, checked when a phone has no records so that timing does not tell. */
export const DUMMY_HASH = 'scrypt$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';

/**
 * The record when the password is its own, else undefined. An unknown record is checked against a
 * dummy hash, so it costs the same time as a known one (no existence oracle). For look-ups by a
 * unique key (an ID number, a registration number): exactly one derivation either way.
 */
export async function ifPasswordMatches<T extends { passwordHash?: string | null }>(
  record: T | null | undefined,
  password: string,
): Promise<T | undefined> {
  const matches = await verifySecret(password, record?.passwordHash ?? DUMMY_HASH);
  return record && matches ? record : undefined;
}

/*
 * Query passwords (申请结果查询) open every record of one phone, and a phone may hold any number of
 * records. With a random salt per record, a query would cost one scrypt per record: the answer
 * time told whether a phone is known and how many records it has. So every record of one phone is
 * hashed with the same salt, derived from the phone: a query derives the key once and compares it
 * with each record's hash in constant time — one scrypt whatever the phone holds, none included.
 * A salt only has to differ between the secrets it protects (RFC 8018 §4.1); one per phone does,
 * and every query password is itself random (≥ 40 bits), so two records never share a hash by
 * reuse. The salt stays stored in each hash, so records are checked by what is stored.
 */
const phoneSalt = (phone: string) => createHash('sha256').update(`statdesk-query-password:${phone}`).digest().subarray(0, 16);

/** The stored hash of a record's query password, salted by the record's phone. */
export async function hashQueryPassword(password: string, phone: string): Promise<string> {
  const salt = phoneSalt(phone);
  return format(salt, await derive(password, salt));
}

/**
 * Which of one phone's stored hashes the password opens, with the hash it now has under the
 * phone's salt. Exactly one scrypt for hashes made by hashQueryPassword; a hash stored before
 * (random salt) costs one more, until the caller stores `rehashed` for it once it opened.
 */
export async function openPhoneRecords(
  password: string,
  phone: string,
  storedHashes: readonly string[],
): Promise<{ opened: boolean[]; rehashed: string }> {
  const salt = phoneSalt(phone);
  const key = await derive(password, salt);
  const saltText = salt.toString('base64url');
  const opened: boolean[] = [];
  for (const stored of storedHashes) {
    const parsed = parse(stored);
    if (!parsed) opened.push(false);
    else if (parsed.salt === saltText) opened.push(isSameKey(parsed.hash, key));
    else opened.push(await verifySecret(password, stored));
  }
  return { opened, rehashed: format(salt, key) };
}
