import type { Core } from '@strapi/strapi';

/**
 * PostgreSQL only (DESIGN.md: real database everywhere). `npm start` sets DATABASE_URL to the
 * embedded server when the person has not pointed it at one of their own.
 */
export default ({ env }: { env: Core.Config.Shared.ConfigParams['env'] }) => {
  const connectionString = env('DATABASE_URL');
  if (!connectionString) {
    throw new Error('DATABASE_URL is not set: run `npm start` from the repository root, or set DATABASE_URL to a PostgreSQL server.');
  }
  return {
    connection: {
      client: 'postgres',
      connection: {
        connectionString,
        ssl: env.bool('DATABASE_SSL', false) ? { rejectUnauthorized: env.bool('DATABASE_SSL_REJECT_UNAUTHORIZED', true) } : false,
      },
      pool: { min: env.int('DATABASE_POOL_MIN', 0), max: env.int('DATABASE_POOL_MAX', 10) },
      acquireConnectionTimeout: env.int('DATABASE_CONNECTION_TIMEOUT', 60000),
    },
    // Plain SQL tables that are not content types live in database/migrations/*.sql.
    settings: { runMigrations: true },
  };
};
