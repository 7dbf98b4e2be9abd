import type { DocumentActionComponent, DocumentActionDescription, DocumentActionProps } from '@strapi/content-manager/strapi-admin';
import { isSubmissionModel, useRecord } from './api';
import { DecisionForm } from './DecisionForm';

type Decision = 'approve' | 'return' | 'reject';

/**
 * 通过 / 退回修改 / 不通过 as Content Manager document actions, shown only when the
 * workflow allows the step; the server checks again and answers with the reason if not.
 * The record's allowed steps come from the desk API (the workflow in config/), not from the edit
 * view's `status`: the Content Manager puts its own draft/publish status under that name.
 */
function useDecision(action: Decision, { model, document }: DocumentActionProps): DocumentActionDescription | null {
  const recordNo = isSubmissionModel(model) ? (document as { recordNo?: string } | undefined)?.recordNo : undefined;
  const { record } = useRecord(recordNo);
  const allowed = record?.actions.find((a) => a.action === action);
  if (!recordNo || !allowed) return null;
  const label = allowed.label;
  return {
    label,
    position: 'panel',
    variant: action === 'approve' ? 'success' : action === 'reject' ? 'danger-light' : 'secondary',
    dialog: {
      type: 'modal',
      title: `${label}：${recordNo}`,
      content: ({ onClose }: { onClose: () => void }) => (
        <DecisionForm
          recordNo={recordNo}
          action={action}
          label={label}
          needsReason={allowed.needsReason}
          asksAccessPeriod={action === 'approve' && model === 'api::data-application.data-application'}
          onClose={onClose}
        />
      ),
    },
  };
}

const Approve: DocumentActionComponent = (props) => useDecision('approve', props);
const Return: DocumentActionComponent = (props) => useDecision('return', props);
const Reject: DocumentActionComponent = (props) => useDecision('reject', props);

export const decisionActions = [Approve, Return, Reject];
