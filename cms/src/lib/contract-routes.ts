import { contentApiPathOf, type Endpoint } from '@statdesk/config/contract';

/** A route's settings: who may call it (`auth: false` for the public) and its policies. */
interface RouteConfig {
  auth?: false;
  policies: unknown[];
}

/**
 * A content-API route whose method and path come from the contract (config/src/contract); the
 * route file adds only the handler and who may call it. Strapi adds the `/api` prefix itself.
 * Each route gets its own copy of `config`: Strapi writes the route's auth scope into it with
 * `defaultsDeep` (core/services/server/register-routes), so routes sharing one object would all
 * carry the first route's scope, and a read-only token would be refused on every `find`.
 */
export const contentRoute = (endpoint: Endpoint, handler: string, config: RouteConfig) => ({
  method: endpoint.method,
  path: contentApiPathOf(endpoint),
  handler,
  config: { ...config, policies: [...config.policies] },
});

/** A desk's admin route: its path in the contract, less the prefix the plugin's router is mounted under. */
export function deskRoute(prefix: string, endpoint: Endpoint, handler: string) {
  if (!endpoint.path.startsWith(`${prefix}/`)) throw new Error(`${endpoint.path} is not a route of ${prefix}`);
  return { method: endpoint.method, path: endpoint.path.slice(prefix.length), handler };
}
