import type { DocumentActionComponent, DocumentActionDescription, DocumentActionProps } from '@strapi/content-manager/strapi-admin';
import type { ReactNode } from 'react';
import { type ActionField, ActionForm } from '../../../../admin/shared/ActionForm';
import { useDeskRecord } from '../../../../admin/shared/api';
import { NewPassword } from '../../../../admin/shared/NewPassword';
import { AGENCY_MODEL, type AgencyRecord, agencyPath, STATISTICIAN_MODEL, type StatisticianRecord, statisticianPath } from './api';

const reasonField = (required: boolean, hint: string): ActionField => ({ name: 'reason', label: '理由', hint, required, multiline: true });
const effectiveDateField: ActionField = {
  name: 'effectiveDate',
  label: '委托生效日期',
  hint: '如 2026-12-01；自该日（北京时间）起委托企业按代理报送计算直报率',
  required: true,
  multiline: false,
};

const APPROVAL_LABELS = { county: '县区审核通过', city: '市州审批通过', province: '确认生效' } as const;

interface Spec {
  label: string;
  path: string;
  body: Record<string, unknown>;
  fields: ActionField[];
  danger: boolean;
  showAnswer?: (data: unknown) => ReactNode;
}

const describe = ({ label, path, body, fields, danger, showAnswer }: Spec, no: string): DocumentActionDescription => ({
  label,
  position: 'panel',
  variant: danger ? 'danger-light' : 'success',
  dialog: {
    type: 'modal',
    title: `${label}：${no}`,
    content: ({ onClose }: { onClose: () => void }) => (
      <ActionForm
        path={path}
        body={body}
        rows={fields}
        label={label}
        done={`已${label}`}
        variant={danger ? 'danger' : 'success'}
        onClose={onClose}
        showAnswer={showAnswer}
      />
    ),
  },
});

const numberOf = (document: unknown) => (document as { registrationNo?: string } | undefined)?.registrationNo;

/** The agency chain's two buttons, offered to the level whose turn it is (seeds/004 §七). */
function useAgencyDecision(decision: 'approve' | 'reject', { model, document }: DocumentActionProps) {
  const no = model === AGENCY_MODEL ? numberOf(document) : undefined;
  const { record } = useDeskRecord<AgencyRecord>(agencyPath(no));
  if (!no || !record?.canDecide || !record.level) return null;
  const path = `${agencyPath(no)}/decisions`;
  if (decision === 'reject')
    return describe(
      { label: '不通过', path, body: { decision }, fields: [reasonField(true, '代理机构会被告知这段理由')], danger: true },
      no,
    );
  const fields = [...(record.level === 'province' ? [effectiveDateField] : []), reasonField(false, '可选')];
  return describe({ label: APPROVAL_LABELS[record.level], path, body: { decision }, fields, danger: false }, no);
}

/**
 * 开放注册表, 注销 and 重置查询密码 for the bureau (seeds/004 §十二, §十三); edits on the person's
 * behalf are the edit view itself.
 */
function useRegistrationAction(action: 'reopen' | 'remove' | 'reset-password', { model, document }: DocumentActionProps) {
  const no = model === STATISTICIAN_MODEL ? numberOf(document) : undefined;
  const { record } = useDeskRecord<StatisticianRecord>(statisticianPath(no));
  if (!no || !record?.canManage) return null;
  const state = record.registration.state;
  if (state === 'removed' || (action === 'reopen' && state !== 'locked')) return null;
  const path = `${statisticianPath(no)}/${action}`;
  if (action === 'reset-password')
    return describe(
      {
        label: '重置查询密码',
        path,
        body: {},
        fields: [reasonField(true, '如：本人遗失查询密码，已核对身份')],
        danger: false,
        showAnswer: NewPassword,
      },
      no,
    );
  return action === 'reopen'
    ? describe({ label: '开放注册表', path, body: {}, fields: [reasonField(true, '如：本人申请修改注册内容')], danger: false }, no)
    : describe({ label: '注销', path, body: {}, fields: [reasonField(true, '注销后该人员不再为其服务单位开通报表')], danger: true }, no);
}

const Approve: DocumentActionComponent = (props) => useAgencyDecision('approve', props);
const Reject: DocumentActionComponent = (props) => useAgencyDecision('reject', props);
const Reopen: DocumentActionComponent = (props) => useRegistrationAction('reopen', props);
const Remove: DocumentActionComponent = (props) => useRegistrationAction('remove', props);
const ResetPassword: DocumentActionComponent = (props) => useRegistrationAction('reset-password', props);

export const bureauActions = [Approve, Reject, Reopen, ResetPassword, Remove];

/**
 * 保存 only where the registration can change: not on a removed one, nor on another region's
 * (the panel says why; the server refuses either edit too, see the statistician lifecycles).
 */
export function withoutSaveOnReadOnly(actions: DocumentActionComponent[]): DocumentActionComponent[] {
  return actions.map((Action) => {
    if (Action.type !== 'update') return Action;
    const Guarded: DocumentActionComponent = (props) => {
      const description = Action(props);
      const no = props.model === STATISTICIAN_MODEL ? numberOf(props.document) : undefined;
      const { record } = useDeskRecord<StatisticianRecord>(statisticianPath(no));
      return record?.readOnlyReason ? null : description;
    };
    Guarded.type = Action.type;
    return Guarded;
  });
}
