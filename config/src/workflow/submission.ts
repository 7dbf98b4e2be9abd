import { t } from '../i18n/messages.ts';
/**
 * The review workflow of every microdata submission (seeds/000_…txt §二 and §3.4): submitted,
 * the stamped form uploaded, then the data centre decides. As data, so that the API, the admin
 * and the tests read one table.
 */
export const statuses = ['awaiting_upload', 'awaiting_review', 'approved', 'rejected', 'returned', 'expired', 'revoked'] as const;
export type SubmissionStatus = (typeof statuses)[number];

/** The words people see, as the seed writes them. */
export const statusLabels: Record<SubmissionStatus, string> = {
  awaiting_upload: '等待上传申请表',
  awaiting_review: '等待实验室审批',
  approved: '审核通过',
  rejected: '审核未通过',
  returned: '退回修改',
  expired: '已到期',
  revoked: '已终止使用',
};

/** The same statuses in English, for an applicant reading the public site in English (the admin stays zh-CN). */
export const englishStatusLabels: Record<SubmissionStatus, string> = {
  awaiting_upload: 'Waiting for the form to be uploaded',
  awaiting_review: 'Waiting for review',
  approved: 'Approved',
  rejected: 'Refused',
  returned: 'Returned for changes',
  expired: 'Expired',
  revoked: 'Use ended',
};

export const actions = ['upload', 'approve', 'return', 'reject', 'resubmit', 'expire', 'revoke'] as const;
export type SubmissionAction = (typeof actions)[number];

export const actionLabels: Record<SubmissionAction, string> = {
  upload: '上传盖章申请表',
  approve: '通过',
  return: '退回修改',
  reject: '不通过',
  resubmit: '申请人修改后重新提交',
  expire: '数据使用期限到期',
  revoke: '终止使用',
};

/**
 * A history entry that is no transition: an approved change application replaced the datasets
 * and period of its original (seeds/000 §3.3), which stays approved.
 */
export const amendAction = 'amend';
export const amendActionLabel = '变更申请通过，原申请已更新';

/**
 * History entries that change no status: a record's query password replaced, by a reviewer for an
 * applicant who lost it, or by the applicant through the emailed one-time link.
 */
export const passwordActionLabels = {
  issue_password: '审核员重新发放查询密码',
  mail_reset_password: '申请人通过邮件重设查询密码',
} as const;

/** Every event of a submission's history in words. */
export const historyActionLabels: Readonly<Record<string, string>> = {
  submit: '提交申请',
  ...actionLabels,
  [amendAction]: amendActionLabel,
  ...passwordActionLabels,
};

interface Transition {
  from: readonly SubmissionStatus[];
  to: SubmissionStatus;
  /** A person must say why (DESIGN.md: a reason is required to reject or return). */
  needsReason: boolean;
  /** Only these kinds of record take this step (all when absent). */
  kinds?: readonly string[];
}

/** The kinds granted an access period at approval (seeds/000 §二 数据使用期限). */
export const periodKinds = ['data-application'] as const;

export const transitions: Record<SubmissionAction, Transition> = {
  // A re-upload while waiting for review replaces the file and keeps the status.
  upload: { from: ['awaiting_upload', 'returned', 'awaiting_review'], to: 'awaiting_review', needsReason: false },
  approve: { from: ['awaiting_review'], to: 'approved', needsReason: false },
  return: { from: ['awaiting_review'], to: 'returned', needsReason: true },
  reject: { from: ['awaiting_review'], to: 'rejected', needsReason: true },
  // REMS's `returned` state: the applicant corrects the answers under the same number. The old
  // stamped form no longer shows the answers, so the new printed form is signed, stamped and
  // uploaded again (seeds/000 §二 steps 4–7) before the review queue takes it up.
  resubmit: { from: ['returned'], to: 'awaiting_upload', needsReason: false },
  // The granted access period ends: the daily job moves the record on the day after its last day
  // (Asia/Shanghai), and outcomes and changes may no longer be filed against it.
  expire: { from: ['approved'], to: 'expired', needsReason: false, kinds: periodKinds },
  // 终止使用: the data centre ends the use early, and says why, as for a refusal.
  revoke: { from: ['approved'], to: 'revoked', needsReason: true, kinds: periodKinds },
};

/** Outcomes have no stamped form: they start waiting for review. */
export const initialStatus = (kind: { hasStampedForm: boolean }): SubmissionStatus =>
  kind.hasStampedForm ? 'awaiting_upload' : 'awaiting_review';

export const canTransition = (from: SubmissionStatus, action: SubmissionAction): boolean => transitions[action].from.includes(from);

/** Whether records of `kindId` ever take `action` (终止使用 only where a period was granted). */
export const appliesTo = (kindId: string, action: SubmissionAction): boolean => transitions[action].kinds?.includes(kindId) ?? true;

export type TransitionCheck = { ok: true; to: SubmissionStatus } | { ok: false; message: string };

/** Whether `action` may happen now, and the status it leads to. */
export function checkTransition(from: SubmissionStatus, action: SubmissionAction, reason?: string): TransitionCheck {
  if (!canTransition(from, action))
    return { ok: false, message: t('workflow.submission.notAllowed', { status: statusLabels[from], action: actionLabels[action] }) };
  if (transitions[action].needsReason && !reason?.trim()) return { ok: false, message: t('workflow.submission.reasonRequired') };
  return { ok: true, to: transitions[action].to };
}
