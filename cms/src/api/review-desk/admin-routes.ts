import { withFieldAccess } from '../../lib/field-access';
import controller from './controllers/review-desk';

/**
 * The reviewer's and editor's desk in the admin. Admin routes: every one needs a signed-in admin
 * (Strapi's admin JWT); the controller checks the role's permission for the record's type, and
 * every route passes the field-access policy, which applies the role's field permissions.
 * Strapi mounts an API's own routes as content-API routes only, so these are registered in
 * src/index.ts with strapi.server.routes({ type: 'admin' }).
 */
export const reviewDeskRoutes = {
  type: 'admin' as const,
  prefix: '/review-desk',
  routes: withFieldAccess([
    { method: 'GET', path: '/queues', handler: controller.queues },
    { method: 'GET', path: '/overview', handler: controller.overview },
    { method: 'GET', path: '/mail', handler: controller.mail },
    { method: 'GET', path: '/records', handler: controller.list },
    { method: 'GET', path: '/export', handler: controller.export },
    { method: 'GET', path: '/records/:no', handler: controller.findOne },
    { method: 'POST', path: '/records/:no/decisions', handler: controller.decide },
    { method: 'GET', path: '/records/:no/stamped-form', handler: controller.stampedForm },
    { method: 'GET', path: '/records/:no/attachments/:index', handler: controller.attachment },
    { method: 'GET', path: '/records/:no/form.pdf', handler: controller.formPdf },
    { method: 'GET', path: '/templates', handler: controller.templates },
    { method: 'GET', path: '/templates/:formId', handler: controller.template },
    { method: 'PUT', path: '/templates/:formId', handler: controller.saveTemplate },
    { method: 'DELETE', path: '/templates/:formId', handler: controller.resetTemplate },
    { method: 'POST', path: '/templates/:formId/preview', handler: controller.previewTemplate },
  ]),
};
