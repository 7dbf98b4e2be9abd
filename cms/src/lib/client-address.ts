import { isIP } from 'node:net';

/**
 * The client's address for rate limits. X-Forwarded-For is believed only when the connection
 * comes from a proxy listed in TRUSTED_PROXIES (comma-separated addresses), and then only its
 * last entry that is not itself a trusted proxy: anyone can write the header.
 */
export function clientAddress(socketAddress: string | undefined, forwardedFor: string | undefined, trusted = trustedProxies()): string {
  const direct = normalise(socketAddress ?? 'unknown');
  if (!trusted.has(direct) || !forwardedFor) return direct;
  const hops = forwardedFor
    .split(',')
    .map((hop) => normalise(hop.trim()))
    .filter((hop) => isIP(hop) !== 0);
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = hops[i];
    if (hop && !trusted.has(hop)) return hop;
  }
  return direct;
}

const normalise = (address: string) => address.replace(/^::ffff:/, '');

function trustedProxies(): Set<string> {
  return new Set(
    (process.env.TRUSTED_PROXIES ?? '')
      .split(',')
      .map((a) => normalise(a.trim()))
      .filter(Boolean),
  );
}
