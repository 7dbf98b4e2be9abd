import type { StoredAnswers } from '@statdesk/config/contract';
import { resubmit } from '../cms/submissions';
import { type FlowSpec, submissionFlow } from '../form-flow';

/**
 * 修改申请 (a returned record corrected under the same number): the record's own form, opened
 * with its stored answers, sent back with the query's token; the confirmation offers the new
 * printed form, which replaces the stamped one.
 */
export const resubmitFlow = (record: StoredAnswers, token: string): FlowSpec => ({
  ...submissionFlow(record.kind),
  initial: record.answers,
  async send(values) {
    const answer = await resubmit(record.recordNo, values, token);
    if (!answer.ok) return answer;
    return { ok: true, confirmation: { kind: record.kind, applicationNo: record.recordNo, resubmitted: true } };
  },
});
