import type { IncomingMessage, ServerResponse } from 'node:http';
import type { GateLink } from '@statdesk/config/contract';
import type { Core } from '@strapi/strapi';
import { bearerToken } from '../../lib/record-token';
import { serviceOf } from '../../lib/services';
import { gateAnswer } from './services/gate';

const GATE_PATH = /^\/api\/direct-report\/gate\/([^/?]{1,64})(?:\?.*)?$/;
/** A revoked or expired token may still pass for this long (plus the grace below). */
const TOKEN_CHECK_MS = 10_000;
/** How long a lapsed check still serves while it is being renewed. */
const TOKEN_GRACE_MS = 5_000;
const TOKENS_REMEMBERED = 1_000;

/**
 * What Strapi's security middleware would have sent with a JSON answer (docs/operations.md,
 * "Security tests", "Headers").
 */
const HEADERS = {
  'content-type': 'application/json; charset=utf-8',
  'cache-control': 'no-store',
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  // As Strapi's helmet sends it; a browser only heeds it over TLS.
  'strict-transport-security': 'max-age=31536000; includeSubDomains',
};
const HEADER_LIST = Object.entries(HEADERS).flat();

interface ApiTokens {
  hash(accessKey: string): string;
  getByAccessKey(accessKeyHash: string): Promise<{ kind?: string; type: string; expiresAt: string | null } | null>;
}

type Listener = (req: IncomingMessage, res: ServerResponse) => void;

/** A malformed escape (`%zz`) is left to the route to refuse, not thrown from here. */
function safeDecode(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

/**
 * Read-only and full-access tokens may always ask the gate. A check is remembered for ten seconds
 * and answered synchronously, so the fast path never waits. When it runs out it is checked again in
 * the background, once, while the old answer serves for a few seconds more: thousands of requests
 * a second must not each ask PostgreSQL for the same token at the same moment.
 */
function tokenChecker(strapi: Core.Strapi) {
  const checked = new Map<string, { allowed: boolean; until: number }>();
  const checking = new Map<string, Promise<boolean>>();

  const lookUp = async (accessKey: string): Promise<boolean> => {
    const tokens = strapi.service('admin::api-token') as unknown as ApiTokens;
    const token = await tokens.getByAccessKey(tokens.hash(accessKey));
    const allowed = Boolean(
      token &&
        (token.kind ?? 'content-api') === 'content-api' &&
        (token.type === 'read-only' || token.type === 'full-access') &&
        (!token.expiresAt || Date.parse(token.expiresAt) > Date.now()),
    );
    if (checked.size >= TOKENS_REMEMBERED) checked.clear();
    checked.set(accessKey, { allowed, until: Date.now() + TOKEN_CHECK_MS });
    return allowed;
  };
  const check = (accessKey: string): Promise<boolean> => {
    let pending = checking.get(accessKey);
    if (!pending) {
      pending = lookUp(accessKey).finally(() => checking.delete(accessKey));
      checking.set(accessKey, pending);
    }
    return pending;
  };
  const remembered = (accessKey: string): boolean | undefined => {
    const known = checked.get(accessKey);
    if (!known) return undefined;
    const now = Date.now();
    if (known.until > now) return known.allowed;
    if (known.until + TOKEN_GRACE_MS < now) return undefined;
    check(accessKey).catch(() => checked.delete(accessKey));
    return known.allowed;
  };
  return { remembered, check };
}

/**
 * The reporting gate sits on the platform's login path (p99 ≤ 20 ms at 100 concurrent,
 * `npm run bench:gate`, docs/benchmarks.md). Going through Koa (logger, helmet, router, token
 * lookup, permission engine) costs many times the answer itself, a Map lookup in the gate index,
 * so the HTTP server's request listener answers `GET /api/direct-report/gate/:code` itself for the
 * tokens that may always call it (read-only and full-access). Everything else (no token, a custom
 * token, a bad one, a malformed code, any failure) goes to Koa and the route, which answers as
 * usual.
 */
export function answerGateBeforeKoa(strapi: Core.Strapi): void {
  const server = strapi.server.httpServer;
  const koa = server.listeners('request') as Listener[];
  const tokens = tokenChecker(strapi);
  const gate = serviceOf(strapi, 'api::statistician.gate');

  // An answer depends on the count alone, or for a refusal on the enterprise's link, which the gate
  // service mints once per window: each is serialised once. A string body (not a Buffer) lets Node
  // send the head and the body in one write.
  type Serialised = { body: string; head: string[] };
  const serialise = (n: number, link?: GateLink): Serialised => {
    const body = JSON.stringify(gateAnswer(n, link));
    return { body, head: [...HEADER_LIST, 'content-length', String(Buffer.byteLength(body))] };
  };
  const answers = new Map<number, Serialised>();
  const refusals = new WeakMap<GateLink, Serialised>();
  const answerFor = (n: number, code: string): Serialised => {
    const link = n === 0 ? gate.linkFor(code) : undefined;
    if (link) {
      const known = refusals.get(link) ?? serialise(0, link);
      refusals.set(link, known);
      return known;
    }
    const known = answers.get(n) ?? serialise(n);
    answers.set(n, known);
    return known;
  };
  const send = (res: ServerResponse, n: number, code: string) => {
    const answer = answerFor(n, code);
    res.sendDate = false;
    res.writeHead(200, answer.head);
    res.end(answer.body);
  };
  const toKoa: Listener = (req, res) => {
    for (const listener of koa) listener.call(server, req, res);
  };
  /**
   * A token not checked yet is asked of PostgreSQL; a count is asked of PostgreSQL while the index
   * is down. A token already known to be allowed is not looked up again.
   */
  const slowly = async (req: IncomingMessage, res: ServerResponse, accessKey: string, code: string, mayAsk: boolean | undefined) => {
    if (!(mayAsk ?? (await tokens.check(accessKey)))) return toKoa(req, res);
    send(res, await gate.count(code), code);
  };

  server.removeAllListeners('request');
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const match = req.method === 'GET' ? GATE_PATH.exec(req.url ?? '') : null;
    const accessKey = match ? bearerToken(req.headers.authorization) : undefined;
    const code = match?.[1] ? safeDecode(match[1]) : undefined;
    if (code === undefined || !accessKey) return toKoa(req, res);
    const mayAsk = tokens.remembered(accessKey);
    if (mayAsk === false) return toKoa(req, res);
    const n = mayAsk ? gate.remembered(code) : undefined;
    if (n !== undefined) return send(res, n, code);
    slowly(req, res, accessKey, code, mayAsk).catch((error: unknown) => {
      strapi.log.warn(`reporting gate fast path: ${String(error)}; answered by the route instead`);
      if (!res.headersSent) toKoa(req, res);
    });
  });
}
