/**
 * What can happen to a statistician's registration (seeds/004 §十二, direct-report-rule.md): it is
 * locked once submitted; only the bureau reopens it (开放注册表) or edits it on the person's behalf;
 * a reopened registration is resubmitted by the person and locked again.
 */
import { zhCN } from '../i18n/zh-CN.ts';

export const registrationStates = ['locked', 'reopened', 'removed'] as const;
export type RegistrationState = (typeof registrationStates)[number];

/** The admin's words (zh-CN); the public API answers in the request's language (`statistician.state.*`). */
export const registrationStateLabels: Record<RegistrationState, string> = {
  locked: zhCN['statistician.state.locked'],
  reopened: zhCN['statistician.state.reopened'],
  removed: zhCN['statistician.state.removed'],
};

export const registrationActions = [
  'register',
  'reopen',
  'resubmit',
  'edit',
  'remove',
  'add_unit',
  'confirm_unit',
  'reset_password',
] as const;
export type RegistrationAction = (typeof registrationActions)[number];

export const registrationActionLabels: Record<RegistrationAction, string> = {
  register: '注册登记',
  reopen: '开放注册表',
  resubmit: '本人修改后重新提交',
  edit: '统计局代为修改',
  remove: '注销',
  add_unit: '本人经企业链接增加服务单位（已核实）',
  confirm_unit: '统计局核实服务单位',
  reset_password: '统计局重置查询密码',
};

/** The state a stored registration is in. */
export const registrationState = (entry: { status: string; locked: boolean }): RegistrationState =>
  entry.status === 'removed' ? 'removed' : entry.locked ? 'locked' : 'reopened';
