import {
  DECIDE_ACTION,
  isFormId,
  kindOfRecordNo,
  type SubmissionKindId,
  type SubmissionStatus,
  statuses,
  submissionKinds,
  t,
} from '@statdesk/config';
import { contentDisposition } from '@statdesk/config/contract';
import { ability, actorOf as actorOfUser, type Ctx, READ, requireCan, sendPrivateFile, UPDATE } from '../../../../../lib/admin-context';
import { fieldAccessOf } from '../../../../../lib/field-access';
import { answer, PublicError } from '../../../../../lib/http-errors';
import { findRecord, uidOf } from '../../../../../lib/records';
import { servicesIn } from '../../../../../lib/services';
import { toCsv, toXlsx } from '../../../../../lib/table-export';
import { mailEnabled } from '../services/notify';

// Looked up on each call: this module outlives a Strapi destroyed and started again in one process
// (the tests' restart(), one file booting once per private store), whose services must be the new ones.
const service: ReturnType<typeof servicesIn<'plugin::review-desk'>> = (name) => servicesIn(strapi, 'plugin::review-desk')(name);
const TEMPLATE_UID = 'api::print-template.print-template';
const kindIds = Object.keys(submissionKinds) as SubmissionKindId[];

function recordKind(ctx: Ctx, action = READ): SubmissionKindId {
  const kindId = kindOfRecordNo(String(ctx.params.no));
  if (!kindId) throw new PublicError(404, 'NotFoundError', t('workflow.submission.notFound'));
  requireCan(ctx, action, uidOf(kindId));
  return kindId;
}

/** The route's record once the caller may read it: its type's permission and its conditions. */
async function readableRecord(ctx: Ctx, action = READ) {
  const kindId = recordKind(ctx, action);
  const found = await findRecord(strapi, String(ctx.params.no));
  if (!found) throw new PublicError(404, 'NotFoundError', t('workflow.submission.notFound'));
  const access = fieldAccessOf(ctx);
  access.requireRecord(uidOf(kindId), found.entry);
  return { kindId, uid: uidOf(kindId), entry: found.entry, access };
}

function filterOf(ctx: Ctx) {
  const kind = String(ctx.query.kind ?? '');
  if (!kindIds.includes(kind as SubmissionKindId))
    throw new PublicError(400, 'ValidationError', t('workflow.submission.kindRequired'), { kind: t('workflow.submission.kindRequired') });
  requireCan(ctx, READ, uidOf(kind as SubmissionKindId));
  const status = String(ctx.query.status ?? '');
  const page = Number(ctx.query.page);
  return {
    kind: kind as SubmissionKindId,
    status: (statuses as readonly string[]).includes(status) ? (status as SubmissionStatus) : undefined,
    q: typeof ctx.query.q === 'string' ? ctx.query.q.slice(0, 100) : undefined,
    page: Number.isInteger(page) ? page : undefined,
  };
}

const actorOf = (ctx: Ctx) => actorOfUser(ctx.state.user);

export default {
  queues: (ctx: Ctx) =>
    answer(ctx, async () => ({
      body: (await service('desk').queues()).filter((kind) => ability(ctx).can(READ, kind.collection)),
    })),
  list: (ctx: Ctx) => answer(ctx, async () => ({ body: await service('desk').list(filterOf(ctx), fieldAccessOf(ctx)) })),
  findOne: (ctx: Ctx) =>
    answer(ctx, async () => {
      recordKind(ctx);
      return { body: await service('desk').detail(String(ctx.params.no), fieldAccessOf(ctx)) };
    }),
  decide: (ctx: Ctx) =>
    answer(ctx, async () => {
      const { access } = await readableRecord(ctx, DECIDE_ACTION);
      return { body: await service('desk').decide(String(ctx.params.no), ctx.request.body, actorOf(ctx), access) };
    }),
  // The record's mail: who may read the record sees its messages (subjects, states), never the address.
  messages: (ctx: Ctx) =>
    answer(ctx, async () => {
      const { uid, entry, access } = await readableRecord(ctx);
      const messages = await service('notify').messages(String(ctx.params.no), access.readsWholeRecord(uid, entry));
      return { body: { mailEnabled: mailEnabled(), messages } };
    }),
  /**
   * The new password is in the answer once, for the reviewer to pass on; it is never stored in
   * clear. Whoever may decide on the record may issue it (reviewers cannot edit records).
   */
  issuePassword: (ctx: Ctx) =>
    answer(ctx, async () => {
      await readableRecord(ctx, DECIDE_ACTION);
      return { body: await service('password').issue(String(ctx.params.no), actorOf(ctx), ctx.request.body) };
    }),
  stampedForm: (ctx: Ctx) =>
    answer(ctx, async () => {
      const { uid, entry, access } = await readableRecord(ctx);
      requireCan(ctx, READ, 'api::stamped-form.stamped-form');
      access.requireWholeRecord(uid, entry);
      return sendPrivateFile(ctx, await service('desk').scan(String(ctx.params.no)));
    }),
  attachment: (ctx: Ctx) =>
    answer(ctx, async () => {
      const { uid, entry, access } = await readableRecord(ctx);
      requireCan(ctx, READ, 'api::attachment.attachment');
      access.requireWholeRecord(uid, entry);
      const attachments = service('attachments');
      return sendPrivateFile(ctx, await attachments.file(String(ctx.params.no), Number(ctx.params.index)));
    }),
  // The printed form masks what the role may not read (（无权查看）), as the Content Manager hides it.
  formPdf: (ctx: Ctx) =>
    answer(ctx, async () => {
      const { kindId, uid, entry, access } = await readableRecord(ctx);
      const printable = service('printable');
      const pdf = await printable.pdf(kindId, access.project(uid, entry), 'staff');
      ctx.set('Content-Type', 'application/pdf');
      ctx.set('Content-Disposition', contentDisposition('inline', `${ctx.params.no}.pdf`));
      ctx.set('Cache-Control', 'private, no-store');
      return { body: pdf };
    }),
  export: (ctx: Ctx) =>
    answer(ctx, async () => {
      const filter = filterOf(ctx);
      const table = await service('desk').table(filter, fieldAccessOf(ctx));
      const name = `${filter.kind}-${new Date().toISOString().slice(0, 10)}`;
      if (ctx.query.format === 'xlsx') {
        ctx.set('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
        ctx.set('Content-Disposition', contentDisposition('attachment', `${name}.xlsx`));
        return { body: await toXlsx([table]) };
      }
      ctx.set('Content-Type', 'text/csv; charset=utf-8');
      ctx.set('Content-Disposition', contentDisposition('attachment', `${name}.csv`));
      return { body: toCsv(table) };
    }),
  overview: (ctx: Ctx) =>
    answer(ctx, async () => {
      if (!kindIds.some((kind) => ability(ctx).can(READ, uidOf(kind)))) requireCan(ctx, READ, uidOf('institution'));
      return { body: { ...(await service('stats').overview()), mailEnabled: mailEnabled() } };
    }),
  mail: (ctx: Ctx) => answer(ctx, async () => ({ body: { enabled: mailEnabled() } })),
  templates: (ctx: Ctx) =>
    answer(ctx, async () => {
      requireCan(ctx, READ, TEMPLATE_UID);
      return { body: await service('templates').list() };
    }),
  template: (ctx: Ctx) =>
    answer(ctx, async () => {
      requireCan(ctx, READ, TEMPLATE_UID);
      return { body: await service('templates').get(String(ctx.params.formId)) };
    }),
  saveTemplate: (ctx: Ctx) =>
    answer(ctx, async () => {
      requireCan(ctx, UPDATE, TEMPLATE_UID);
      const body = ctx.request.body as { source?: unknown } | undefined;
      return { body: await service('templates').save(String(ctx.params.formId), body?.source, actorOf(ctx)) };
    }),
  resetTemplate: (ctx: Ctx) =>
    answer(ctx, async () => {
      requireCan(ctx, 'plugin::content-manager.explorer.delete', TEMPLATE_UID);
      return { body: await service('templates').reset(String(ctx.params.formId)) };
    }),
  previewTemplate: (ctx: Ctx) =>
    answer(ctx, async () => {
      requireCan(ctx, READ, TEMPLATE_UID);
      if (!isFormId(String(ctx.params.formId))) throw new PublicError(404, 'NotFoundError', t('template.notFound'));
      const body = ctx.request.body as { source?: unknown } | undefined;
      const html = await service('templates').preview(String(ctx.params.formId), body?.source);
      ctx.set('Content-Security-Policy', "sandbox; default-src 'none'; img-src data:; style-src 'unsafe-inline'");
      return { body: { html } };
    }),
};
