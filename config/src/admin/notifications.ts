import type { DecisionVerb } from '../contract/record-kinds.ts';
import type { Locale } from '../i18n/messages.ts';
import { kindNoun, type SubmissionKindId, submissionKinds } from '../submissions.ts';

/** A plain-text email, in the language the applicant filled the form in. */
export interface Mail {
  subject: string;
  text: string;
}

export type Decision = DecisionVerb;

/** The words of every mail to an applicant, by language: zh-CN (the default) and English. */
interface MailWords {
  sender: string;
  /** The subject line: the service's name in brackets, then what the mail is about. */
  subject: (about: string) => string;
  footer: string;
  greeting: string;
  noun: (kindId: SubmissionKindId) => string;
  submittedSubject: (noun: string, recordNo: string) => string;
  received: (noun: string, recordNo: string) => string;
  nextStamped: string;
  nextReview: string;
  passwordOnce: string;
  outcome: Record<Decision, string>;
  decided: (noun: string, recordNo: string, outcome: string) => string;
  reason: (reason: string) => string;
  accessPeriod: (start: string, end: string) => string;
  returned: string;
  revoked: string;
  seeQuery: string;
  decisionSubject: (noun: string, recordNo: string, outcome: string) => string;
  expiringSubject: (noun: string, recordNo: string, end: string) => string;
  expiring: (noun: string, recordNo: string, end: string) => string;
  extend: string;
  resetSubject: (recordNo: string) => string;
  resetAsked: (recordNo: string) => string;
  resetValid: (minutes: number) => string;
}

const WORDS: Record<Locale, MailWords> = {
  'zh-CN': {
    sender: '统计数据服务平台',
    subject: (about) => `【统计数据服务平台】${about}`,
    footer: '此邮件由系统自动发送，请勿直接回复。',
    greeting: '您好：',
    noun: (kindId) => submissionKinds[kindId].noun,
    submittedSubject: (noun, no) => `已收到您的${noun}（${no}）`,
    received: (noun, no) => `我们已收到您的${noun}，编号 ${no}。`,
    nextStamped: '请在网站“查询”页面用联系电话和查询密码登录，打印申请表，签字盖章后扫描上传。数据开发中心收到盖章申请表后开始审核。',
    nextReview: '数据开发中心将尽快审核，结果可在网站“查询”页面查看。',
    passwordOnce: '查询密码只在提交时显示一次，请妥善保管。',
    outcome: { approve: '审核通过', return: '退回修改', reject: '审核未通过', revoke: '已终止使用' },
    decided: (noun, no, outcome) => `您的${noun}（编号 ${no}）审核结果：${outcome}。`,
    reason: (reason) => `理由：${reason}`,
    accessPeriod: (start, end) => `数据使用期限：${start} 至 ${end}。`,
    returned: '请按理由修改后重新打印、签字盖章并上传申请表。',
    // 终止使用: what ends with the use.
    revoked: '数据开发中心已终止该申请的数据使用，请停止使用并按规定处理所获数据；此后不能再据此登记成果或申请变更。',
    seeQuery: '详情请在网站“查询”页面查看。',
    decisionSubject: (noun, no, outcome) => `${noun}（${no}）${outcome}`,
    expiringSubject: (noun, no, end) => `${noun}（${no}）的数据使用期限将于 ${end} 到期`,
    expiring: (noun, no, end) => `您的${noun}（编号 ${no}）的数据使用期限将于 ${end} 到期。`,
    extend: '到期后不能再据此登记成果或申请变更；如需延长，请在到期前提交数据变更申请。',
    resetSubject: (no) => `重设查询密码（${no}）`,
    resetAsked: (no) => `有人在网站上为编号 ${no} 的申请申请重设查询密码。打开下面的链接即可获得新的查询密码，原查询密码随即失效：`,
    resetValid: (minutes) => `链接${minutes}分钟内有效，只能使用一次。如果不是您本人操作，请忽略此邮件，原查询密码仍然有效。`,
  },
  en: {
    sender: 'Statistical Data Service',
    subject: (about) => `[Statistical Data Service] ${about}`,
    footer: 'This email was sent automatically: please do not reply to it.',
    greeting: 'Hello,',
    noun: (kindId) => kindNoun(kindId, 'en').toLowerCase(),
    submittedSubject: (noun, no) => `We have received your ${noun} (${no})`,
    received: (noun, no) => `We have received your ${noun}, number ${no}.`,
    nextStamped:
      'Sign in on the “Application status” page of the website with your contact phone and look-up password, print the form, sign and stamp it, then scan and upload it. The data development centre starts the review when it has the stamped form.',
    nextReview: 'The data development centre will review it soon; see the decision on the “Application status” page of the website.',
    passwordOnce: 'The look-up password was shown only once, when you submitted: keep it safe.',
    outcome: { approve: 'approved', return: 'returned for changes', reject: 'refused', revoke: 'use ended' },
    decided: (noun, no, outcome) => `The decision on your ${noun} (number ${no}): ${outcome}.`,
    reason: (reason) => `Reason: ${reason}`,
    accessPeriod: (start, end) => `Data use period: ${start} to ${end}.`,
    returned: 'Change the application as the reason says, then print, sign, stamp and upload the form again.',
    revoked:
      'The data development centre has ended the data use of this application: stop using the data and deal with it as the rules require. You can no longer register outcomes or apply for changes on it.',
    seeQuery: 'See the details on the “Application status” page of the website.',
    decisionSubject: (noun, no, outcome) => `Your ${noun} (${no}): ${outcome}`,
    expiringSubject: (noun, no, end) => `The data use period of your ${noun} (${no}) ends on ${end}`,
    expiring: (noun, no, end) => `The data use period of your ${noun} (number ${no}) ends on ${end}.`,
    extend:
      'After that you can no longer register outcomes or apply for changes on it; to extend it, send a data use change application before it ends.',
    resetSubject: (no) => `Reset your look-up password (${no})`,
    resetAsked: (no) =>
      `Someone asked on the website to reset the look-up password of application ${no}. Open the link below to get a new look-up password; the old one then stops working:`,
    resetValid: (minutes) =>
      `The link works once, within ${minutes} minutes. If you did not ask for this, ignore this email: your look-up password still works.`,
  },
};

const footerOf = (words: MailWords) => ['', words.footer, words.sender];

/** Sent when a submission arrives: its number and what happens next. */
export function submittedMail(kindId: SubmissionKindId, recordNo: string, locale: Locale = 'zh-CN'): Mail {
  const words = WORDS[locale];
  const noun = words.noun(kindId);
  return {
    subject: words.subject(words.submittedSubject(noun, recordNo)),
    text: [
      words.greeting,
      '',
      words.received(noun, recordNo),
      submissionKinds[kindId].hasStampedForm ? words.nextStamped : words.nextReview,
      words.passwordOnce,
      ...footerOf(words),
    ].join('\n'),
  };
}

/** Sent on every decision, with the reason the reviewer gave and, for an approval, the access period. */
export function decisionMail(
  kindId: SubmissionKindId,
  recordNo: string,
  decision: Decision,
  details: { reason?: string | null; accessStart?: string | null; accessEnd?: string | null } = {},
  locale: Locale = 'zh-CN',
): Mail {
  const words = WORDS[locale];
  const noun = words.noun(kindId);
  const lines = [words.greeting, '', words.decided(noun, recordNo, words.outcome[decision])];
  if (details.reason?.trim()) lines.push(words.reason(details.reason.trim()));
  if (decision === 'approve' && details.accessStart && details.accessEnd)
    lines.push(words.accessPeriod(details.accessStart, details.accessEnd));
  if (decision === 'return') lines.push(words.returned);
  if (decision === 'revoke') lines.push(words.revoked);
  lines.push(words.seeQuery, ...footerOf(words));
  return { subject: words.subject(words.decisionSubject(noun, recordNo, words.outcome[decision])), text: lines.join('\n') };
}

/** How long before the end of an access period the applicant is reminded (once per record). */
export const EXPIRY_REMINDER_DAYS = 30;

/** Sent once, 30 days before the granted access period ends, so that a change can extend it in time. */
export function expiringMail(recordNo: string, accessEnd: string, locale: Locale = 'zh-CN'): Mail {
  const words = WORDS[locale];
  const noun = words.noun('data-application');
  return {
    subject: words.subject(words.expiringSubject(noun, recordNo, accessEnd)),
    text: [words.greeting, '', words.expiring(noun, recordNo, accessEnd), words.extend, words.seeQuery, ...footerOf(words)].join('\n'),
  };
}

/** 忘记查询密码 (mail on): the one-time link that sets a new query password for one record. */
export function passwordResetMail(recordNo: string, link: string, minutes: number, locale: Locale = 'zh-CN'): Mail {
  const words = WORDS[locale];
  return {
    subject: words.subject(words.resetSubject(recordNo)),
    text: [words.greeting, '', words.resetAsked(recordNo), link, words.resetValid(minutes), ...footerOf(words)].join('\n'),
  };
}
