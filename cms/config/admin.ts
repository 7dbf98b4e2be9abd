import type { Core } from '@strapi/strapi';

export default ({ env }: { env: Core.Config.Shared.ConfigParams['env'] }) => ({
  auth: { secret: env('ADMIN_JWT_SECRET') },
  apiToken: { salt: env('API_TOKEN_SALT') },
  transfer: { token: { salt: env('TRANSFER_TOKEN_SALT') } },
  secrets: { encryptionKey: env('ENCRYPTION_KEY') },
  // Tests call the API only; they need no admin bundle.
  serveAdminPanel: env.bool('SERVE_ADMIN_PANEL', true),
  flags: { nps: false, promoteEE: false },
  // Sign-ins per e-mail address and client address in 5 minutes (Strapi's default is 5).
  rateLimit: { interval: { min: 5 }, max: env.int('ADMIN_SIGN_IN_LIMIT', 5) },
  // Strapi AI sends content to strapi-ai.apps.strapi.io; nothing leaves this network.
  ai: { enabled: false },
  // No site preview inside the admin: without this the edit view asks /content-manager/preview/url
  // for every record and gets a 404 (@strapi/content-manager server/src/preview/services/preview.ts).
  preview: { enabled: false },
});
