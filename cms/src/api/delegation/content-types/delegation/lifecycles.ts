import { t } from '@statdesk/config';
import { checkInstants } from '../../../../lib/instants';

/** A delegation edited in the Content Manager takes effect at an instant that exists (seeds/004 §七). */
const checkPeriod = (event: { params: { data?: Record<string, unknown> } }) =>
  checkInstants(event.params.data, {
    effectiveFrom: t('workflow.delegation.effectiveFrom'),
    effectiveTo: t('workflow.delegation.effectiveTo'),
  });

export default { beforeCreate: checkPeriod, beforeUpdate: checkPeriod };
