import { t } from './messages.ts';

/**
 * The old message objects' names that cms/src/api still imports, as keys of zh-CN.ts. Temporary:
 * cms/src/api is being moved into plugins in parallel, so its call sites switch to t() after that
 * move lands, and this file goes with them.
 */
export const creditCodeMessages = { charset: t('validators.creditCode.charset') } as const;
export const dateMessages = { dateTime: t('validators.date.dateTime') } as const;
export const jurisdictionMessages = {
  outside: t('admin.jurisdiction.outside'),
  unassigned: t('admin.jurisdiction.unassigned'),
} as const;
export const workflowMessages = { reasonRequired: t('workflow.submission.reasonRequired') } as const;
export const decisionMessages = { accessOnlyForData: t('workflow.decision.accessOnlyForData') } as const;
export const agencyMessages = {
  registrationNo: t('workflow.agency.registrationNo'),
  wrongPair: t('workflow.agency.wrongPair'),
} as const;
export const registrationMessages = {
  reasonRequired: t('workflow.registration.reasonRequired'),
  notReopened: t('workflow.registration.notReopened'),
  alreadyOpen: t('workflow.registration.alreadyOpen'),
  removed: t('workflow.registration.removed'),
} as const;
export const statisticianMessages = {
  alreadyRegistered: t('statistician.alreadyRegistered'),
  gateRefused: t('statistician.gateRefused'),
  gateAllowed: t('statistician.gateAllowed'),
  wrongPair: t('statistician.wrongPair'),
} as const;
