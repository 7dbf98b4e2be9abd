import { t } from '@statdesk/config';
import { errors } from '@strapi/utils';
import { checkInstants, checkOrder } from '../../../../lib/instants';
import { closingOf } from '../../../direct-report/services/closing';
import { dropOrphanedSummaries, ensureSummary } from '../../../direct-report/services/summaries';

interface PeriodEvent {
  result?: { code?: string; opensAt?: string; closesAt?: string };
}

/**
 * A period's summary is built when the period is saved, so that ingestion maintains it from the
 * first login of its window; a changed window rebuilds it, and a renamed or deleted period's goes
 * (reports read summaries: docs/benchmarks.md, "What the figures follow").
 */
async function build({ result }: PeriodEvent) {
  if (!result?.code || !result.opensAt || !result.closesAt) return;
  await ensureSummary(strapi.db.connection, { code: result.code, opensAt: new Date(result.opensAt), closesAt: new Date(result.closesAt) });
  await dropOrphans();
}

// In the document service's transaction, the one that sees the period just created, renamed or
// deleted: from another connection a new period's summary looked orphaned and was dropped.
const dropOrphans = () => strapi.db.transaction(({ trx }) => dropOrphanedSummaries(trx));

/** A window opens and closes at instants that exist, each with its offset (Beijing time is +08:00), in that order. */
function checkWindow({ params: { data } }: { params: { data?: Record<string, unknown> } }) {
  checkInstants(data, { opensAt: t('workflow.period.opensAt'), closesAt: t('workflow.period.closesAt') });
  checkOrder(data, 'opensAt', 'closesAt', t('directReport.period.window'));
}

interface ChangeEvent {
  params: { data?: Record<string, unknown>; where?: Record<string, unknown> };
}

/** What a closed period's stored report was computed for: changing any of it would make the report lie. */
const CLOSED_FIELDS = ['code', 'type', 'opensAt', 'closesAt'] as const;
/** An instant as its milliseconds (a Date, or an ISO string with a time), anything else as it is. */
const comparable = (value: unknown) =>
  value instanceof Date ? value.getTime() : typeof value === 'string' && value.includes('T') ? Date.parse(value) : value;
const sameValue = (a: unknown, b: unknown) => comparable(a) === comparable(b);

/** A closed (收口) period keeps its code and window until the bureau re-opens it (direct-report.md "收口"). */
async function refuseClosedChange({ params: { data, where } }: ChangeEvent, deleting = false) {
  if (!where) return;
  const current = (await strapi.db.query('api::reporting-period.reporting-period').findOne({ where })) as Record<string, unknown> | null;
  if (!current?.code || !(await closingOf(strapi.db.connection, String(current.code)))) return;
  const changed = deleting || CLOSED_FIELDS.some((field) => data?.[field] !== undefined && !sameValue(data[field], current[field]));
  if (!changed) return;
  const message = t('directReport.closing.locked', { code: String(current.code) });
  throw new errors.ValidationError(message, { errors: [{ path: ['closesAt'], message }] });
}

export default {
  beforeCreate: checkWindow,
  beforeUpdate: async (event: ChangeEvent) => {
    checkWindow(event);
    await refuseClosedChange(event);
  },
  beforeDelete: (event: ChangeEvent) => refuseClosedChange(event, true),
  afterCreate: build,
  afterUpdate: build,
  afterDelete: dropOrphans,
};
