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

export type Decision = 'approve' | 'return' | 'reject';

const OUTCOME: Record<Decision, string> = {
  approve: '审核通过',
  return: '退回修改',
  reject: '审核未通过',
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
  lines.push('详情请在网站“查询”页面查看。', ...FOOTER);
  return { subject: `【${SENDER}】${kind.noun}（${recordNo}）${OUTCOME[decision]}`, text: lines.join('\n') };
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
