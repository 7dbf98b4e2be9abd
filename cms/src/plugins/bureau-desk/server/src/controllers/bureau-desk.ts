import {
  type AgencyLevel,
  type AgencyStatus,
  agencyFilterOf,
  agencyLevels,
  agencyReviewAction,
  agencyStatusLabels,
  coversCounty,
  type RegionScope,
  reportScopeOf,
  statusAtLevel,
  t,
} from '@statdesk/config';
import { enterpriseFilterOf } from '../../../../../api/direct-report/services/report';
import { ability, actorOf, type Ctx, READ, requireCan, sendPrivateFile, UPDATE } from '../../../../../lib/admin-context';
import { type FieldAccess, fieldAccessOf, WITHHELD } from '../../../../../lib/field-access';
import { withReadableChanges } from '../../../../../lib/history';
import { answer, PublicError } from '../../../../../lib/http-errors';
import { jurisdictionOf, regionOf, requireStatisticianInRegion, statisticianOutsideRegion } from '../../../../../lib/jurisdiction';
import { sendAttachment } from '../../../../../lib/send-attachment';
import { type ServiceUid, serviceOf } from '../../../../../lib/services';

const STATISTICIAN = 'api::statistician.statistician';
const AGENCY = 'api::agency.agency';
const service = <U extends ServiceUid>(uid: U) => serviceOf(strapi, uid);
type Chain = StatDeskServices['api::agency.chain'];
const ENTERPRISE = 'api::enterprise.enterprise';
/** Who may edit the 网报期 closes and re-opens them (收口). */
const PERIOD = 'api::reporting-period.reporting-period';

const bureau = () => service('api::statistician.bureau');
const chain = () => service('api::agency.chain');
const report = () => service('api::direct-report.report');
const closing = () => service('api::direct-report.closing');
const periodCode = (ctx: Ctx) => String(ctx.params.code);
const no = (ctx: Ctx) => String(ctx.params.no);
const body = (ctx: Ctx) => (ctx.request.body ?? {}) as Record<string, unknown>;

/** The level that decides an agency in this status, if any. */
const levelOf = (status: AgencyStatus): AgencyLevel | undefined => agencyLevels.find((level) => statusAtLevel[level] === status);

/**
 * County and city bureau users handle the agencies of their own region only (seeds/004 §七); the
 * province collection centre (and a super admin) every region. The Content Manager applies the
 * same rule through the jurisdiction permission condition.
 */
async function requireJurisdiction(ctx: Ctx, countyCode: string): Promise<void> {
  if (ability(ctx).can(agencyReviewAction('province'), AGENCY)) return;
  const region = await regionOf(strapi, ctx.state.user?.email);
  if (!region) throw new PublicError(403, 'ForbiddenError', t('admin.jurisdiction.unassigned'));
  if (!coversCounty(region, countyCode)) throw new PublicError(403, 'ForbiddenError', t('admin.jurisdiction.outside'));
}

/**
 * The part of the direct-reporting rate the caller reads: a role that reads every enterprise
 * (统计局业务人员, the province) the whole province; a county or city bureau, whose permission on
 * the enterprises carries the jurisdiction condition, its own region only (辖区分配).
 */
async function reportScope(ctx: Ctx): Promise<RegionScope> {
  requireCan(ctx, READ, ENTERPRISE);
  if (fieldAccessOf(ctx).readsEveryRecord(ENTERPRISE)) return {};
  const region = await regionOf(strapi, ctx.state.user?.email);
  if (!region) throw new PublicError(403, 'ForbiddenError', t('admin.jurisdiction.unassigned'));
  return reportScopeOf(region);
}

/** The agency of the route, once the user may see it, as its field permissions show it. */
async function agencyInJurisdiction(ctx: Ctx) {
  requireCan(ctx, READ, AGENCY);
  const record = await chain().record(no(ctx));
  await requireJurisdiction(ctx, record.agency.countyCode);
  return { ...visibleAgency(fieldAccessOf(ctx), record), raw: record };
}

/** An agency's record through the caller's field permissions: fields, documents' names, history. */
function visibleAgency(access: FieldAccess, record: Awaited<ReturnType<Chain['record']>>) {
  access.requireRecord(AGENCY, record.agency);
  const whole = access.readsWholeRecord(AGENCY, record.agency);
  return {
    agency: access.project(AGENCY, record.agency),
    documents: whole ? record.documents : record.documents.map((d) => ({ ...d, fileName: WITHHELD })),
    history: withReadableChanges(record.history, (field) => access.canRead(AGENCY, field, record.agency)),
    decisions: record.decisions,
  };
}

/** A registration through the caller's field permissions: a role without personal fields sees them masked. */
function visibleRegistration<R extends Record<string, unknown>>(access: FieldAccess, registration: R): R {
  access.requireRecord(STATISTICIAN, registration);
  return access.project(STATISTICIAN, registration);
}

/** The registration of the route, once the user may change it: permission, field access and region. */
async function registrationToManage(ctx: Ctx) {
  requireCan(ctx, UPDATE, STATISTICIAN);
  const { registration } = await bureau().record(no(ctx));
  visibleRegistration(fieldAccessOf(ctx), registration);
  await requireStatisticianInRegion(strapi, ctx.state.user, registration.serviceUnits);
}

/**
 * The bureau's desk: statisticians' registrations (reopen, remove, history; edits on the
 * person's behalf go through the Content Manager, see the statistician lifecycles) and the agency
 * approval chain, each level behind its own permission.
 */
const DAY_MS = 86_400_000;

/**
 * The agency registrations waiting for the caller, one queue per level their role decides (the
 * home page's widget): a county or city officer's within their 辖区, the province's everywhere.
 */
async function agencyQueuesOf(ctx: Ctx) {
  requireCan(ctx, READ, AGENCY);
  const levels = agencyLevels.filter((level) => ability(ctx).can(agencyReviewAction(level), AGENCY));
  const everywhere = ability(ctx).can(agencyReviewAction('province'), AGENCY);
  const region = everywhere ? undefined : await regionOf(strapi, ctx.state.user?.email);
  if (!everywhere && !region) return { queues: [], unassignedMessage: levels.length > 0 ? t('admin.jurisdiction.unassigned') : null };
  const queues = [];
  for (const level of levels) {
    const { count, oldestSubmittedAt } = await chain().waiting(level, region ? agencyFilterOf(region) : true);
    const status = statusAtLevel[level];
    const oldestWaitingDays = oldestSubmittedAt ? Math.floor((Date.now() - oldestSubmittedAt.getTime()) / DAY_MS) : null;
    queues.push({ level, status, statusLabel: agencyStatusLabels[status], count, oldestWaitingDays });
  }
  return { queues, unassignedMessage: null };
}

export default {
  agencyQueues: (ctx: Ctx) => answer(ctx, async () => ({ body: await agencyQueuesOf(ctx) })),
  /** Any signed-in admin user reads its own 辖区分配. */
  myJurisdiction: (ctx: Ctx) => answer(ctx, async () => ({ body: await jurisdictionOf(strapi, ctx.state.user) })),
  statistician: (ctx: Ctx) =>
    answer(ctx, async () => {
      requireCan(ctx, READ, STATISTICIAN);
      const access = fieldAccessOf(ctx);
      const record = await bureau().record(no(ctx));
      const registration = visibleRegistration(access, record.registration);
      // The unit a link or the bureau verified is part of the service units, readable with them.
      const stored = (field: string) => (field === 'verifiedUnit' ? 'serviceUnits' : field);
      const history = withReadableChanges(record.history, (field) => access.canRead(STATISTICIAN, stored(field), record.registration));
      // Outside the user's region the registration is read only: the panel says why, no button shows.
      const outside = await statisticianOutsideRegion(strapi, ctx.state.user, record.registration.serviceUnits);
      const canManage = ability(ctx).can(UPDATE, STATISTICIAN) && !outside;
      const readOnlyReason = record.registration.state === 'removed' ? t('workflow.registration.removedLocked') : outside;
      return { body: { ...record, registration, history, canManage, ...(readOnlyReason && { readOnlyReason }) } };
    }),
  reopen: (ctx: Ctx) =>
    answer(ctx, async () => {
      await registrationToManage(ctx);
      const view = await bureau().reopen(no(ctx), actorOf(ctx.state.user), body(ctx).reason);
      return { body: visibleRegistration(fieldAccessOf(ctx), view) };
    }),
  remove: (ctx: Ctx) =>
    answer(ctx, async () => {
      await registrationToManage(ctx);
      const view = await bureau().remove(no(ctx), actorOf(ctx.state.user), body(ctx).reason);
      return { body: visibleRegistration(fieldAccessOf(ctx), view) };
    }),
  confirmUnit: (ctx: Ctx) =>
    answer(ctx, async () => {
      await registrationToManage(ctx);
      const view = await bureau().confirmUnit(no(ctx), String(ctx.params.code), actorOf(ctx.state.user), body(ctx).reason);
      return { body: visibleRegistration(fieldAccessOf(ctx), view) };
    }),
  /** The new password is in the answer once, for the officer to pass on; it is never stored in clear. */
  resetPassword: (ctx: Ctx) =>
    answer(ctx, async () => {
      await registrationToManage(ctx);
      const { registration, queryPassword } = await bureau().resetPassword(no(ctx), actorOf(ctx.state.user), body(ctx).reason);
      return { body: { registration: visibleRegistration(fieldAccessOf(ctx), registration), queryPassword } };
    }),
  agency: (ctx: Ctx) =>
    answer(ctx, async () => {
      const { raw, ...record } = await agencyInJurisdiction(ctx);
      const level = levelOf(raw.agency.status);
      return {
        body: { ...record, level: level ?? null, canDecide: Boolean(level && ability(ctx).can(agencyReviewAction(level), AGENCY)) },
      };
    }),
  decideAgency: (ctx: Ctx) =>
    answer(ctx, async () => {
      const { agency } = (await agencyInJurisdiction(ctx)).raw;
      const level = levelOf(agency.status);
      if (!level) throw new PublicError(409, 'ConflictError', t('workflow.agency.reviewEnded', { status: agency.statusLabel }));
      requireCan(ctx, agencyReviewAction(level), AGENCY);
      return { body: await chain().decide(no(ctx), level, actorOf(ctx.state.user), body(ctx)) };
    }),
  agencyDocument: (ctx: Ctx) =>
    answer(ctx, async () => {
      const { raw } = await agencyInJurisdiction(ctx);
      fieldAccessOf(ctx).requireWholeRecord(AGENCY, raw.agency);
      return sendPrivateFile(ctx, await chain().document(no(ctx), String(ctx.params.purpose)));
    }),
  // The direct-reporting dashboard: whoever may read the enterprises' master data, within their region.
  reportPeriods: (ctx: Ctx) =>
    answer(ctx, async () => {
      return { body: await report().trend(12, await reportScope(ctx)) };
    }),
  periodClosings: (ctx: Ctx) =>
    answer(ctx, async () => {
      await reportScope(ctx);
      await report().period(periodCode(ctx));
      return { body: { closings: await closing().history(periodCode(ctx)), canClose: ability(ctx).can(UPDATE, PERIOD) } };
    }),
  closePeriod: (ctx: Ctx) =>
    answer(ctx, async () => {
      requireCan(ctx, UPDATE, PERIOD);
      return { body: await closing().close(periodCode(ctx), actorOf(ctx.state.user)) };
    }),
  reopenPeriod: (ctx: Ctx) =>
    answer(ctx, async () => {
      requireCan(ctx, UPDATE, PERIOD);
      await closing().reopen(periodCode(ctx), actorOf(ctx.state.user), body(ctx).reason);
      return { body: { closings: await closing().history(periodCode(ctx)) } };
    }),
  report: (ctx: Ctx) =>
    answer(ctx, async () => {
      const scope = await reportScope(ctx);
      // A page of 20 enterprises fits the dashboard's table; the rest of the filter is the API's.
      const found = await report().find(String(ctx.params.period), { ...enterpriseFilterOf(ctx.query), pageSize: 20 }, scope);
      const access = fieldAccessOf(ctx);
      return { body: { ...found, enterprises: found.enterprises.map((row) => access.project(ENTERPRISE, row)) } };
    }),
  /** The page's report as CSV or XLSX: its period, region and reason filter, every enterprise they select. */
  exportReport: (ctx: Ctx) =>
    answer(ctx, async () => {
      const scope = await reportScope(ctx);
      const { city, county, reason } = enterpriseFilterOf(ctx.query);
      const format = ctx.params.format === 'xlsx' ? 'xlsx' : 'csv';
      return sendAttachment(ctx, await report().exportFile(String(ctx.params.period), format, { city, county, reason }, scope));
    }),
};
