import { t } from '@statdesk/config';
import { checkInstants, checkOrder } from '../../../../lib/instants';

/** A delegation edited in the Content Manager takes effect at an instant that exists, and ends after it (seeds/004 §七). */
function checkPeriod({ params: { data } }: { params: { data?: Record<string, unknown> } }) {
  checkInstants(data, { effectiveFrom: t('workflow.delegation.effectiveFrom'), effectiveTo: t('workflow.delegation.effectiveTo') });
  checkOrder(data, 'effectiveFrom', 'effectiveTo', t('directReport.delegation.window'));
}

export default { beforeCreate: checkPeriod, beforeUpdate: checkPeriod };
