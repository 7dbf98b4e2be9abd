import type { DocumentActionComponent, DocumentActionDescription, DocumentActionProps } from '@strapi/content-manager/strapi-admin';
import { type ActionField, ActionForm } from '../../../../admin/shared/ActionForm';
import { isSubmissionModel, useRecord } from './api';

type Decision = 'approve' | 'return' | 'reject';

const reasonField = (required: boolean): ActionField => ({
  name: 'reason',
  label: '理由',
  hint: required ? '申请人会在查询页面和邮件中看到这段理由' : '可选',
  required,
  multiline: true,
});
/** Data applications are approved with an optional access period, typed as 2026-12-01. */
const accessPeriodFields: ActionField[] = [
  { name: 'accessStart', label: '数据使用期限开始日期', hint: '如 2026-12-01；不填则不设定', required: false, multiline: false },
  { name: 'accessEnd', label: '数据使用期限结束日期', hint: '如 2027-11-30', required: false, multiline: false },
];
const BUTTON_VARIANTS = { approve: 'success', return: 'secondary', reject: 'danger' } as const;

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
        <ActionForm
          path={`/review-desk/records/${encodeURIComponent(recordNo)}/decisions`}
          body={{ action }}
          rows={[
            reasonField(allowed.needsReason),
            ...(action === 'approve' && model === 'api::data-application.data-application' ? [accessPeriodFields] : []),
          ]}
          label={label}
          done={`已${label}：${recordNo}`}
          variant={BUTTON_VARIANTS[action]}
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
