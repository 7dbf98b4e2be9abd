import type { AstroGlobal } from 'astro';

/** The visitor's address, passed to the CMS for its rate limits (the CMS trusts it only from this site). */
export function visitorAddress(Astro: Pick<AstroGlobal, 'clientAddress'>): string {
  try {
    return Astro.clientAddress;
  } catch {
    return 'unknown';
  }
}
