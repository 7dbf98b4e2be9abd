import { endpoints as e } from '@statdesk/config/contract';
import { deskRoute } from '../../../../../lib/contract-routes';
import { withFieldAccess } from '../../../../../lib/field-access';

const PREFIX = '/review-desk';
/** Method and path from the contract (config/src/contract), under the plugin's prefix. */
const desk = (endpoint: Parameters<typeof deskRoute>[1], handler: string) => deskRoute(PREFIX, endpoint, handler);

/**
 * The reviewer's and editor's desk in the admin. Admin routes: every one needs a signed-in admin
 * (Strapi's admin JWT); the controller checks the role's permission for the record's type, and
 * every route passes the field-access policy, which applies the role's field permissions.
 * A plugin's `type: 'admin'` router is mounted under /<plugin-name> (@strapi/core
 * services/server/register-routes), so the prefix states what Strapi would choose anyway.
 */
export const reviewDeskRoutes = {
  type: 'admin' as const,
  prefix: PREFIX,
  routes: withFieldAccess([
    desk(e.deskQueues, 'review-desk.queues'),
    desk(e.deskOverview, 'review-desk.overview'),
    desk(e.deskMail, 'review-desk.mail'),
    desk(e.deskRecords, 'review-desk.list'),
    desk(e.deskExport, 'review-desk.export'),
    desk(e.deskRecord, 'review-desk.findOne'),
    desk(e.deskDecide, 'review-desk.decide'),
    desk(e.deskMessages, 'review-desk.messages'),
    desk(e.deskIssuePassword, 'review-desk.issuePassword'),
    desk(e.deskStampedForm, 'review-desk.stampedForm'),
    desk(e.deskAttachment, 'review-desk.attachment'),
    desk(e.deskFormPdf, 'review-desk.formPdf'),
    desk(e.deskTemplates, 'review-desk.templates'),
    desk(e.deskTemplate, 'review-desk.template'),
    desk(e.deskSaveTemplate, 'review-desk.saveTemplate'),
    desk(e.deskResetTemplate, 'review-desk.resetTemplate'),
    desk(e.deskPreviewTemplate, 'review-desk.previewTemplate'),
  ]),
};
