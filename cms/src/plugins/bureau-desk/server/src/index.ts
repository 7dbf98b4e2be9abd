import type { Core } from '@strapi/strapi';
import controllers from './controllers';
import routes from './routes';

/**
 * Stored as before (a JSON array, a string, an email), edited with the admin's inputs of the same
 * names (admin/src/fields): service units as rows, a 辖区 from the GB/T 2260 list, an admin account
 * from the list of users.
 */
const CUSTOM_FIELDS = [
  { name: 'service-units', type: 'json' },
  { name: 'region', type: 'string' },
  { name: 'admin-user', type: 'email' },
] as const;

/** The bureau desk's server part: admin routes over the statistician, agency and direct-report APIs. */
export default {
  register({ strapi }: { strapi: Core.Strapi }) {
    strapi.customFields.register(CUSTOM_FIELDS.map((field) => ({ ...field, plugin: 'bureau-desk' })));
  },
  controllers,
  routes,
};
