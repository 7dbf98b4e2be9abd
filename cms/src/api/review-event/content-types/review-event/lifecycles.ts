import { t } from '@statdesk/config';
import { errors } from '@strapi/utils';

/**
 * The review history is append-only (DESIGN.md "Every status change … in an append-only review
 * history"): no one, not even a super admin in the Content Manager, may change or remove an entry.
 */
const refuse = () => {
  throw new errors.ApplicationError(t('workflow.reviewEvent.appendOnly'));
};

export default {
  beforeUpdate: refuse,
  beforeUpdateMany: refuse,
  beforeDelete: refuse,
  beforeDeleteMany: refuse,
};
