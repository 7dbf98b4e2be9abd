import type { Core } from '@strapi/strapi';

export default ({ env }: { env: Core.Config.Shared.ConfigParams['env'] }) => ({
  host: env('HOST', '127.0.0.1'),
  port: env.int('PORT', 1337),
  url: env('CMS_PUBLIC_URL', ''),
  // Behind nginx the client address comes from X-Forwarded-For; only trust it when told to.
  proxy: { koa: env.bool('TRUST_PROXY', false) },
  app: { keys: env.array('APP_KEYS') },
  // Tests point this at a temporary folder so that seeded uploads do not pile up in the checkout.
  dirs: { public: env('PUBLIC_DIR', './public') },
  // No outbound calls from a government network: Strapi otherwise asks the npm registry for its
  // latest version at every start (@strapi/core utils/update-notifier).
  logger: { updates: { enabled: false } },
});
