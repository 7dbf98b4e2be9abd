import { useDeskRecord } from '../../../../admin/shared/api';

/** The submission types the desk serves (config/src/submissions.ts; checked by an architecture test). */
export const SUBMISSION_MODELS = [
  'api::institution.institution',
  'api::data-application.data-application',
  'api::change-application.change-application',
  'api::outcome.outcome',
] as const;

export const isSubmissionModel = (model: string) => (SUBMISSION_MODELS as readonly string[]).includes(model);

export interface HistoryEvent {
  action: string;
  from: string | null;
  fromLabel: string | null;
  to: string;
  toLabel: string;
  actor: string;
  reason: string | null;
  at: string;
}

export interface RecordDetail {
  recordNo: string;
  kind: string;
  noun: string;
  status: string;
  statusLabel: string;
  reviewReason: string | null;
  accessStart: string | null;
  accessEnd: string | null;
  actions: Array<{ action: 'approve' | 'return' | 'reject'; label: string; needsReason: boolean }>;
  stampedForm: { fileName: string; mime: string; size: number; uploadedAt: string } | null;
  attachments: Array<{ fileName: string; mime: string; size: number; uploadedAt: string }>;
  history: HistoryEvent[];
}

/** The review desk's view of one record, shared by the side panel and the review actions. */
export const useRecord = (recordNo: string | undefined) =>
  useDeskRecord<RecordDetail>(recordNo ? `/review-desk/records/${encodeURIComponent(recordNo)}` : undefined);
