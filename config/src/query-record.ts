import type { SubmissionStatus } from './workflow/submission.ts';

/**
 * One row of the 申请结果查询 table (seeds/000 §3.4: 序号, 手机号码, 申请人, 申请机构, 申请时间, 审核时间,
 * 审核状态), as the API sends it and the site shows it.
 */
export interface QueryRecord {
  index: number;
  recordNo: string;
  kind: 'institution' | 'data-application' | 'change-application' | 'outcome';
  kindLabel: string;
  phone: string;
  applicant: string;
  organisation: string;
  submittedAt: string;
  reviewedAt: string;
  status: SubmissionStatus;
  statusLabel: string;
  /** The reviewer's reason, when rejected or returned. */
  reason: string;
  canUpload: boolean;
}
