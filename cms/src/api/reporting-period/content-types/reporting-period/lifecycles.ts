import { t } from '@statdesk/config';
import { checkInstants, checkOrder } from '../../../../lib/instants';
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

export default { beforeCreate: checkWindow, beforeUpdate: checkWindow, afterCreate: build, afterUpdate: build, afterDelete: dropOrphans };
