import type { Core } from '@strapi/strapi';

export default ({ env }: { env: Core.Config.Shared.ConfigParams['env'] }) => ({
  'users-permissions': { config: { jwtSecret: env('JWT_SECRET') } },
});
