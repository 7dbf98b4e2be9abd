/**
 * Query passwords (DESIGN.md): random, at least 40 bits, from characters nobody confuses when
 * copying by hand (no 0/O, 1/I/L). 10 characters of 31 give 49.5 bits.
 */
export const PASSWORD_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const PASSWORD_LENGTH = 10;

/** Makes a password from random bytes (the caller supplies crypto randomness; config stays pure). */
export function makeQueryPassword(randomBytes: (n: number) => Uint8Array): string {
  const chars: string[] = [];
  // Rejection sampling keeps every character equally likely (256 is not a multiple of 31).
  const limit = 256 - (256 % PASSWORD_ALPHABET.length);
  while (chars.length < PASSWORD_LENGTH) {
    for (const byte of randomBytes(PASSWORD_LENGTH * 2)) {
      if (byte < limit && chars.length < PASSWORD_LENGTH) chars.push(PASSWORD_ALPHABET[byte % PASSWORD_ALPHABET.length] ?? '');
    }
  }
  return `${chars.slice(0, 4).join('')}-${chars.slice(4, 8).join('')}-${chars.slice(8).join('')}`;
}

/** What people type back: case, spaces and hyphens do not matter. */
export const normaliseQueryPassword = (input: string): string => input.replace(/[\s-]/g, '').toUpperCase();
