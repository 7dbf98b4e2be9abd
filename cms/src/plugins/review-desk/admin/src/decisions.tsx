import { type DecisionVerb, endpoints, pathOf, type RecordDetail, type RecordList } from '@statdesk/config/contract';
import { Button, Flex, Modal, Typography } from '@strapi/design-system';
import { useFetchClient } from '@strapi/strapi/admin';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { type ActionField, ActionForm } from '../../../../admin/shared/ActionForm';

const reasonField = (required: boolean): ActionField => ({
  name: 'reason',
  label: '理由',
  hint: required ? '申请人会在查询页面和邮件中看到这段理由' : '可选',
  required,
  multiline: true,
});
/**
 * Data applications are approved with an optional access period, typed as 2026-12-01; so are
 * change applications, whose period then replaces the original's.
 */
const accessPeriodFields: ActionField[] = [
  { name: 'accessStart', label: '数据使用期限开始日期', hint: '如 2026-12-01；不填则不设定', required: false, multiline: false },
  { name: 'accessEnd', label: '数据使用期限结束日期', hint: '如 2027-11-30', required: false, multiline: false },
];
const PERIOD_MODELS = ['api::data-application.data-application', 'api::change-application.change-application'];
const FORM_VARIANTS = { approve: 'success', return: 'secondary', reject: 'danger', revoke: 'danger' } as const;
const BUTTON_VARIANTS = { approve: 'success', return: 'secondary', reject: 'danger-light', revoke: 'danger-light' } as const;

interface DecisionsProps {
  model: string;
  record: RecordDetail;
  /** Loads the record again (panel, history and the edit view's fields) after a decision. */
  onDecided(): Promise<void>;
}

/** The record after this one in the queue it was in: oldest first, as the desk lists it. */
function useNextInQueue(record: RecordDetail) {
  const { get } = useFetchClient();
  return async (status: string) => {
    const query = new URLSearchParams({ kind: record.kind, status, page: '1' });
    const { data } = await get<RecordList>(`${endpoints.deskRecords.path}?${query}`);
    return data.rows.find((row) => row.recordNo !== record.recordNo) ?? null;
  };
}

/**
 * 通过 / 退回修改 / 不通过 side by side (终止使用 on an approved data application), those the workflow allows for this record (the desk API
 * says which; the server checks again). A decision shows its outcome in place and offers 下一条,
 * the oldest record left in the queue the decided one was in.
 */
export function Decisions({ model, record, onDecided }: DecisionsProps) {
  const [open, setOpen] = useState<DecisionVerb | null>(null);
  const [decided, setDecided] = useState<{ label: string; next: { documentId: string } | null } | null>(null);
  const nextInQueue = useNextInQueue(record);
  const chosen = record.actions.find((a) => a.action === open);

  async function done(label: string, queue: string) {
    const [next] = await Promise.all([nextInQueue(queue).catch(() => null), onDecided()]);
    setDecided({ label, next });
  }

  return (
    <Flex direction="column" alignItems="stretch" gap={2}>
      {record.actions.length > 0 && (
        <Flex gap={2} wrap="wrap" role="group" aria-label="审核决定">
          {record.actions.map(({ action, label }) => (
            <Button key={action} variant={BUTTON_VARIANTS[action]} onClick={() => setOpen(action)}>
              {label}
            </Button>
          ))}
        </Flex>
      )}
      {decided && (
        <Flex direction="column" alignItems="stretch" gap={2} data-testid="decision-done">
          <Typography textColor="success600" fontWeight="bold" role="status">
            已{decided.label}：{record.recordNo}
          </Typography>
          {decided.next ? (
            <Button tag={Link} to={`/content-manager/collection-types/${model}/${decided.next.documentId}`} variant="default">
              下一条
            </Button>
          ) : (
            <Typography textColor="neutral600">这个队列已经审完了。</Typography>
          )}
        </Flex>
      )}
      {chosen && (
        <Modal.Root open onOpenChange={(isOpen: boolean) => !isOpen && setOpen(null)}>
          <Modal.Content>
            <Modal.Header>
              <Modal.Title>
                {chosen.label}：{record.recordNo}
              </Modal.Title>
            </Modal.Header>
            <ActionForm
              path={pathOf(endpoints.deskDecide, { no: record.recordNo })}
              body={{ action: chosen.action }}
              rows={[
                reasonField(chosen.needsReason),
                ...(chosen.action === 'approve' && PERIOD_MODELS.includes(model) ? [accessPeriodFields] : []),
              ]}
              label={chosen.label}
              done={`已${chosen.label}：${record.recordNo}`}
              variant={FORM_VARIANTS[chosen.action]}
              onClose={() => setOpen(null)}
              onDone={() => void done(chosen.label, record.status)}
            />
          </Modal.Content>
        </Modal.Root>
      )}
    </Flex>
  );
}
