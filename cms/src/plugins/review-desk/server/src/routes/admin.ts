import { withFieldAccess } from '../../../../../lib/field-access';

/**
 * The reviewer's and editor's desk in the admin. Admin routes: every one needs a signed-in admin
 * (Strapi's admin JWT); the controller checks the role's permission for the record's type, and
 * every route passes the field-access policy, which applies the role's field permissions.
 * A plugin's `type: 'admin'` router is mounted under /<plugin-name> (@strapi/core
 * services/server/register-routes), so the prefix states what Strapi would choose anyway.
 */
export const reviewDeskRoutes = {
  type: 'admin' as const,
  prefix: '/review-desk',
  routes: withFieldAccess([
    { method: 'GET', path: '/queues', handler: 'review-desk.queues' },
    { method: 'GET', path: '/overview', handler: 'review-desk.overview' },
    { method: 'GET', path: '/mail', handler: 'review-desk.mail' },
    { method: 'GET', path: '/records', handler: 'review-desk.list' },
    { method: 'GET', path: '/export', handler: 'review-desk.export' },
    { method: 'GET', path: '/records/:no', handler: 'review-desk.findOne' },
    { method: 'POST', path: '/records/:no/decisions', handler: 'review-desk.decide' },
    { method: 'GET', path: '/records/:no/stamped-form', handler: 'review-desk.stampedForm' },
    { method: 'GET', path: '/records/:no/attachments/:index', handler: 'review-desk.attachment' },
    { method: 'GET', path: '/records/:no/form.pdf', handler: 'review-desk.formPdf' },
    { method: 'GET', path: '/templates', handler: 'review-desk.templates' },
    { method: 'GET', path: '/templates/:formId', handler: 'review-desk.template' },
    { method: 'PUT', path: '/templates/:formId', handler: 'review-desk.saveTemplate' },
    { method: 'DELETE', path: '/templates/:formId', handler: 'review-desk.resetTemplate' },
    { method: 'POST', path: '/templates/:formId/preview', handler: 'review-desk.previewTemplate' },
  ]),
};
