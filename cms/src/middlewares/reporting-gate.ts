import type { Core } from '@strapi/strapi';
import { bearerToken } from '../lib/record-token';

const GATE_PATH = /^\/api\/direct-report\/gate\/([^/]{1,64})$/;
/** A revoked or expired token may still pass for this long (it is checked again after). */
const TOKEN_CHECK_MS = 10_000;

/** A malformed escape (`%zz`) is left to the route to refuse, not thrown from here. */
function safeDecode(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

interface ApiTokens {
  hash(accessKey: string): string;
  getByAccessKey(accessKeyHash: string): Promise<{ kind?: string; type: string; expiresAt: string | null } | null>;
}
interface Gate {
  gate(code: string): Promise<unknown>;
}

/**
 * The reporting gate sits on the platform's login path (issue 7: p99 ≤ 20 ms at 100 concurrent,
 * `npm run bench:gate`). Strapi's per-request token lookup and permission engine cost far more
 * than the indexed lookup itself, so this answers the gate before the router for the tokens that
 * may always call it (read-only and full-access), remembering a token's check for ten seconds.
 * Anything else (no token, a custom token, a bad one) goes on to the route, which answers as usual.
 */
export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) => {
  const checked = new Map<string, { allowed: boolean; until: number }>();

  async function tokenMayAsk(accessKey: string): Promise<boolean> {
    const known = checked.get(accessKey);
    if (known && known.until > Date.now()) return known.allowed;
    const tokens = strapi.service('admin::api-token') as unknown as ApiTokens;
    const token = await tokens.getByAccessKey(tokens.hash(accessKey));
    const allowed = Boolean(
      token &&
        (token.kind ?? 'content-api') === 'content-api' &&
        (token.type === 'read-only' || token.type === 'full-access') &&
        (!token.expiresAt || Date.parse(token.expiresAt) > Date.now()),
    );
    if (checked.size >= 1000) checked.clear();
    checked.set(accessKey, { allowed, until: Date.now() + TOKEN_CHECK_MS });
    return allowed;
  }

  return async (
    ctx: { method: string; path: string; body: unknown; get(name: string): string; set(name: string, value: string): void },
    next: () => Promise<void>,
  ) => {
    const match = ctx.method === 'GET' ? GATE_PATH.exec(ctx.path) : null;
    const accessKey = match ? bearerToken(ctx.get('authorization')) : undefined;
    if (!match?.[1] || !accessKey || !(await tokenMayAsk(accessKey))) return next();
    ctx.set('Cache-Control', 'no-store');
    const code = safeDecode(match[1]);
    if (code === undefined) return next();
    ctx.body = await (strapi.service('api::statistician.gate' as never) as unknown as Gate).gate(code);
  };
};
