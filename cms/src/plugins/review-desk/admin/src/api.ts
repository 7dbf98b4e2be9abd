import { endpoints, pathOf, type RecordDetail, submissionKindIds } from '@statdesk/config/contract';
import { useDeskRecord } from '../../../../admin/shared/api';

/** The submission types the desk serves: the microdata kinds of the record-kind table. */
export const SUBMISSION_MODELS = submissionKindIds.map((id) => `api::${id}.${id}`);

export const isSubmissionModel = (model: string) => SUBMISSION_MODELS.includes(model);

export type { HistoryEvent, RecordDetail } from '@statdesk/config/contract';

/** The review desk's view of one record, shared by the side panel and the review actions. */
export const useRecord = (recordNo: string | undefined) =>
  useDeskRecord<RecordDetail>(recordNo ? pathOf(endpoints.deskRecord, { no: recordNo }) : undefined);
