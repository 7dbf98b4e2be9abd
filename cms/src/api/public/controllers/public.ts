import { type SubmissionKindId, statusLabels, t } from '@statdesk/config';
import { contentDisposition } from '@statdesk/config/contract';
import type { Core } from '@strapi/strapi';
import { clientAddress } from '../../../lib/client-address';
import { answer, PublicError } from '../../../lib/http-errors';
import { fileListsOf, filesOf } from '../../../lib/multipart-answers';
import { bearerToken, issueRecordToken, readRecordToken } from '../../../lib/record-token';
import { findRecord } from '../../../lib/records';
import { type ServiceUid, serviceOf } from '../../../lib/services';

type Ctx = Parameters<Core.MiddlewareHandler>[0];

const service = <U extends ServiceUid>(uid: U) => serviceOf(strapi, uid);

/** The one file of a multipart post (part `file`). */
const uploadedFile = (ctx: Ctx) => filesOf(ctx.request).file;

const submit = (kindId: SubmissionKindId) => (ctx: Ctx) =>
  answer(ctx, async () => ({
    status: 201,
    body: await service('plugin::review-desk.submit').create(kindId, ctx.request.body, fileListsOf(ctx.request)),
  }));

/** The record a bearer token from /public/query may act on; 401 otherwise, the same for every failure. */
async function authorisedRecord(ctx: Ctx) {
  const no = String(ctx.params.no ?? '');
  const grant = readRecordToken(bearerToken(ctx.get('authorization')));
  const found = grant?.records.includes(no) ? await findRecord(strapi, no) : undefined;
  if (!found) throw new PublicError(401, 'UnauthorizedError', t('workflow.submission.expiredOrForbidden'));
  return found;
}

/** Files are never rendered inline by the browser from our origin. */
function sendFile(ctx: Ctx, type: string, fileName: string, body: Buffer | string, inline = false) {
  ctx.set('Content-Type', type);
  ctx.set('Content-Disposition', contentDisposition(inline ? 'inline' : 'attachment', fileName));
  ctx.set('X-Content-Type-Options', 'nosniff');
  ctx.set('Cache-Control', 'private, no-store');
  return { body };
}

export default {
  catalog: (ctx: Ctx) => answer(ctx, async () => ({ body: { data: await service('api::dataset.catalog').catalog() } })),
  homeNotices: (ctx: Ctx) => answer(ctx, async () => ({ body: { data: await service('api::dataset.catalog').homeNotices() } })),
  records: (ctx: Ctx) =>
    answer(ctx, async () => {
      const grant = readRecordToken(bearerToken(ctx.get('authorization')));
      if (!grant) throw new PublicError(401, 'UnauthorizedError', t('http.queryExpired'));
      // Renewed on each look: the query is forgotten after 30 minutes idle, not 30 after it opened.
      return {
        body: { token: issueRecordToken(grant.records), records: await service('plugin::review-desk.query').records(grant.records) },
      };
    }),
  notice: (ctx: Ctx) => answer(ctx, async () => ({ body: { data: await service('api::dataset.catalog').notice(String(ctx.params.key)) } })),
  noticeList: (ctx: Ctx) => answer(ctx, async () => ({ body: { data: await service('api::notice.notices').list() } })),
  siteSettings: (ctx: Ctx) => answer(ctx, async () => ({ body: { data: await service('api::site-setting.settings').read() } })),
  institutions: (ctx: Ctx) => answer(ctx, async () => ({ body: await service('api::dataset.catalog').institutions(ctx.query) })),
  institutionChoices: (ctx: Ctx) =>
    answer(ctx, async () => ({ body: await service('api::dataset.catalog').institutionChoices(ctx.query) })),
  turnaround: (ctx: Ctx) => answer(ctx, async () => ({ body: { data: await service('plugin::review-desk.turnaround').figures() } })),
  submitInstitution: submit('institution'),
  submitDataApplication: submit('data-application'),
  submitChangeApplication: submit('change-application'),
  submitOutcome: submit('outcome'),
  query: (ctx: Ctx) =>
    answer(ctx, async () => {
      const address = clientAddress(ctx.req.socket.remoteAddress, ctx.get('x-forwarded-for'));
      return { body: await service('plugin::review-desk.query').query(ctx.request.body, address) };
    }),
  requestPasswordReset: (ctx: Ctx) =>
    answer(ctx, async () => {
      const address = clientAddress(ctx.req.socket.remoteAddress, ctx.get('x-forwarded-for'));
      return { status: 202, body: await service('plugin::review-desk.password').requestReset(ctx.request.body, address) };
    }),
  resetPassword: (ctx: Ctx) => answer(ctx, async () => ({ body: await service('plugin::review-desk.password').reset(ctx.request.body) })),
  formHtml: (ctx: Ctx) =>
    answer(ctx, async () => {
      const { kindId, entry } = await authorisedRecord(ctx);
      return sendFile(
        ctx,
        'text/html; charset=utf-8',
        `${entry.recordNo}.html`,
        await service('plugin::review-desk.printable').html(kindId, entry),
        true,
      );
    }),
  formPdf: (ctx: Ctx) =>
    answer(ctx, async () => {
      const { kindId, entry } = await authorisedRecord(ctx);
      return sendFile(ctx, 'application/pdf', `${entry.recordNo}.pdf`, await service('plugin::review-desk.printable').pdf(kindId, entry));
    }),
  uploadStampedForm: (ctx: Ctx) =>
    answer(ctx, async () => {
      const { entry } = await authorisedRecord(ctx);
      const { status } = await service('plugin::review-desk.stamped-form').upload(entry.recordNo, fileListsOf(ctx.request).file ?? []);
      return { body: { applicationNo: entry.recordNo, status } };
    }),
  recordAnswers: (ctx: Ctx) =>
    answer(ctx, async () => {
      const { entry } = await authorisedRecord(ctx);
      return { body: await service('plugin::review-desk.resubmit').answers(entry.recordNo) };
    }),
  resubmitRecord: (ctx: Ctx) =>
    answer(ctx, async () => {
      const { entry } = await authorisedRecord(ctx);
      const { status } = await service('plugin::review-desk.resubmit').resubmit(entry.recordNo, ctx.request.body);
      return { body: { applicationNo: entry.recordNo, status, statusLabel: statusLabels[status] } };
    }),
  changePrefill: (ctx: Ctx) =>
    answer(ctx, async () => {
      const address = clientAddress(ctx.req.socket.remoteAddress, ctx.get('x-forwarded-for'));
      return { body: await service('plugin::review-desk.change').prefill(ctx.request.body, address) };
    }),
  listAttachments: (ctx: Ctx) =>
    answer(ctx, async () => {
      const { entry } = await authorisedRecord(ctx);
      return { body: { attachments: await service('plugin::review-desk.attachments').list(entry.recordNo) } };
    }),
  addAttachment: (ctx: Ctx) =>
    answer(ctx, async () => {
      const { entry } = await authorisedRecord(ctx);
      return {
        status: 201,
        body: { attachments: await service('plugin::review-desk.attachments').add(entry.recordNo, uploadedFile(ctx)) },
      };
    }),
};
