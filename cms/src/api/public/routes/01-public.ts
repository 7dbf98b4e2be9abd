import { endpoints as e } from '@statdesk/config/contract';
import { contentRoute } from '../../../lib/contract-routes';

/**
 * The public REST contract (DESIGN.md, config/src/contract). Every route states its auth: none of
 * these use Strapi's users; record routes check the bearer token of a successful query inside the
 * controller.
 */
const open = { auth: false as const, policies: [] };

export default {
  routes: [
    contentRoute(e.catalog, 'public.catalog', open),
    contentRoute(e.homeNotices, 'public.homeNotices', open),
    contentRoute(e.notice, 'public.notice', open),
    contentRoute(e.noticeList, 'public.noticeList', open),
    contentRoute(e.siteSettings, 'public.siteSettings', open),
    contentRoute(e.institutions, 'public.institutions', open),
    contentRoute(e.institutionChoices, 'public.institutionChoices', open),
    // Counts and days only; groups under five decisions are dropped in the service.
    contentRoute(e.turnaround, 'public.turnaround', open),
    contentRoute(e.submitInstitution, 'public.submitInstitution', open),
    contentRoute(e.submitDataApplication, 'public.submitDataApplication', open),
    contentRoute(e.submitChangeApplication, 'public.submitChangeApplication', open),
    contentRoute(e.submitOutcome, 'public.submitOutcome', open),
    contentRoute(e.query, 'public.query', open),
    contentRoute(e.requestPasswordReset, 'public.requestPasswordReset', open),
    contentRoute(e.resetPassword, 'public.resetPassword', open),
    // Bearer token from /public/query, checked in the controller against the record number.
    contentRoute(e.records, 'public.records', open),
    contentRoute(e.formHtml, 'public.formHtml', open),
    contentRoute(e.formPdf, 'public.formPdf', open),
    contentRoute(e.uploadStampedForm, 'public.uploadStampedForm', open),
    contentRoute(e.recordAnswers, 'public.recordAnswers', open),
    contentRoute(e.resubmitRecord, 'public.resubmitRecord', open),
    contentRoute(e.changePrefill, 'public.changePrefill', open),
    contentRoute(e.listAttachments, 'public.listAttachments', open),
    contentRoute(e.addAttachment, 'public.addAttachment', open),
  ],
};
