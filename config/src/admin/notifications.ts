import type { DecisionVerb } from '../contract/record-kinds.ts';
import { type SubmissionKindId, submissionKinds } from '../submissions.ts';

/** A plain-text zh-CN email. */
export interface Mail {
  subject: string;
  text: string;
}

const SENDER = '统计数据服务平台';
const FOOTER = ['', '此邮件由系统自动发送，请勿直接回复。', `${SENDER}`];

/** Sent when a submission arrives: its number and what happens next. */
export function submittedMail(kindId: SubmissionKindId, recordNo: string): Mail {
  const kind = submissionKinds[kindId];
  const next = kind.hasStampedForm
    ? '请在网站“查询”页面用联系电话和查询密码登录，打印申请表，签字盖章后扫描上传。数据开发中心收到盖章申请表后开始审核。'
    : '数据开发中心将尽快审核，结果可在网站“查询”页面查看。';
  return {
    subject: `【${SENDER}】已收到您的${kind.noun}（${recordNo}）`,
    text: [
      `您好：`,
      '',
      `我们已收到您的${kind.noun}，编号 ${recordNo}。`,
      next,
      '查询密码只在提交时显示一次，请妥善保管。',
      ...FOOTER,
    ].join('\n'),
  };
}

export type Decision = DecisionVerb;

const OUTCOME: Record<Decision, string> = {
  approve: '审核通过',
  return: '退回修改',
  reject: '审核未通过',
  revoke: '已终止使用',
};

/** Sent on every decision, with the reason the reviewer gave and, for an approval, the access period. */
export function decisionMail(
  kindId: SubmissionKindId,
  recordNo: string,
  decision: Decision,
  details: { reason?: string | null; accessStart?: string | null; accessEnd?: string | null } = {},
): Mail {
  const kind = submissionKinds[kindId];
  const lines = ['您好：', '', `您的${kind.noun}（编号 ${recordNo}）审核结果：${OUTCOME[decision]}。`];
  if (details.reason?.trim()) lines.push(`理由：${details.reason.trim()}`);
  if (decision === 'approve' && details.accessStart && details.accessEnd)
    lines.push(`数据使用期限：${details.accessStart} 至 ${details.accessEnd}。`);
  if (decision === 'return') lines.push('请按理由修改后重新打印、签字盖章并上传申请表。');
  if (decision === 'revoke') lines.push(REVOKED);
  lines.push('详情请在网站“查询”页面查看。', ...FOOTER);
  return { subject: `【${SENDER}】${kind.noun}（${recordNo}）${OUTCOME[decision]}`, text: lines.join('\n') };
}

/** 终止使用 (a decision, sent by decisionMail): what ends with the use. */
const REVOKED = '数据开发中心已终止该申请的数据使用，请停止使用并按规定处理所获数据；此后不能再据此登记成果或申请变更。';

/** How long before the end of an access period the applicant is reminded (once per record). */
export const EXPIRY_REMINDER_DAYS = 30;

/** Sent once, 30 days before the granted access period ends, so that a change can extend it in time. */
export function expiringMail(recordNo: string, accessEnd: string): Mail {
  const noun = submissionKinds['data-application'].noun;
  return {
    subject: `【${SENDER}】${noun}（${recordNo}）的数据使用期限将于 ${accessEnd} 到期`,
    text: [
      '您好：',
      '',
      `您的${noun}（编号 ${recordNo}）的数据使用期限将于 ${accessEnd} 到期。`,
      '到期后不能再据此登记成果或申请变更；如需延长，请在到期前提交数据变更申请。',
      '详情请在网站“查询”页面查看。',
      ...FOOTER,
    ].join('\n'),
  };
}

/** 忘记查询密码 (mail on): the one-time link that sets a new query password for one record. */
export function passwordResetMail(recordNo: string, link: string, minutes: number): Mail {
  return {
    subject: `【${SENDER}】重设查询密码（${recordNo}）`,
    text: [
      '您好：',
      '',
      `有人在网站上为编号 ${recordNo} 的申请申请重设查询密码。打开下面的链接即可获得新的查询密码，原查询密码随即失效：`,
      link,
      `链接${minutes}分钟内有效，只能使用一次。如果不是您本人操作，请忽略此邮件，原查询密码仍然有效。`,
      ...FOOTER,
    ].join('\n'),
  };
}
