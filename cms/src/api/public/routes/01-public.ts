/**
 * The public REST contract (DESIGN.md). Every route states its auth: none of these use Strapi's
 * users; record routes check the bearer token of a successful query inside the controller.
 */
const open = { auth: false as const, policies: [] };

export default {
  routes: [
    { method: 'GET', path: '/public/catalog', handler: 'public.catalog', config: open },
    { method: 'GET', path: '/public/notices', handler: 'public.homeNotices', config: open },
    { method: 'GET', path: '/public/notices/:key', handler: 'public.notice', config: open },
    { method: 'GET', path: '/public/institutions', handler: 'public.institutions', config: open },
    { method: 'POST', path: '/public/institutions', handler: 'public.submitInstitution', config: open },
    { method: 'POST', path: '/public/data-applications', handler: 'public.submitDataApplication', config: open },
    { method: 'POST', path: '/public/change-applications', handler: 'public.submitChangeApplication', config: open },
    { method: 'POST', path: '/public/outcomes', handler: 'public.submitOutcome', config: open },
    { method: 'POST', path: '/public/query', handler: 'public.query', config: open },
    // Bearer token from /public/query, checked in the controller against the record number.
    { method: 'GET', path: '/public/records', handler: 'public.records', config: open },
    { method: 'GET', path: '/public/records/:no/form.html', handler: 'public.formHtml', config: open },
    { method: 'GET', path: '/public/records/:no/form.pdf', handler: 'public.formPdf', config: open },
    { method: 'POST', path: '/public/records/:no/stamped-form', handler: 'public.uploadStampedForm', config: open },
    { method: 'GET', path: '/public/records/:no/attachments', handler: 'public.listAttachments', config: open },
    { method: 'POST', path: '/public/records/:no/attachments', handler: 'public.addAttachment', config: open },
  ],
};
