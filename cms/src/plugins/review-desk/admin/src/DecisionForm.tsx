import { Box, Button, Field, Flex, Textarea, TextInput, Typography } from '@strapi/design-system';
import { useFetchClient, useNotification } from '@strapi/strapi/admin';
import { type FormEvent, useState } from 'react';
import { fieldErrorsOf, messageOf } from './api';

export interface DecisionFormProps {
  recordNo: string;
  action: 'approve' | 'return' | 'reject';
  label: string;
  needsReason: boolean;
  /** Data applications are approved with an optional access period. */
  asksAccessPeriod: boolean;
  onClose: () => void;
}

interface DateFieldProps {
  name: string;
  label: string;
  hint: string;
  value: string;
  error?: string;
  onChange(value: string): void;
}

/** A date typed as 2026-12-01, with its hint and the server's message beside it. */
const DateField = ({ name, label, hint, value, error, onChange }: DateFieldProps) => (
  <Field.Root name={name} error={error} hint={hint}>
    <Field.Label>{label}</Field.Label>
    <TextInput value={value} onChange={(e: { target: { value: string } }) => onChange(e.target.value)} />
    <Field.Hint />
    <Field.Error />
  </Field.Root>
);

/**
 * One decision with its reason. Errors appear next to the field they concern and nothing typed is
 * lost; on success the page reloads so that the record, the panel and the history agree.
 */
export function DecisionForm({ recordNo, action, label, needsReason, asksAccessPeriod, onClose }: DecisionFormProps) {
  const { post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const [reason, setReason] = useState('');
  const [accessStart, setAccessStart] = useState('');
  const [accessEnd, setAccessEnd] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    try {
      await post(`/review-desk/records/${encodeURIComponent(recordNo)}/decisions`, {
        action,
        reason: reason.trim() || undefined,
        ...(asksAccessPeriod && { accessStart, accessEnd }),
      });
      toggleNotification({ type: 'success', message: `已${label}：${recordNo}` });
      onClose();
      window.location.reload();
    } catch (caught) {
      const fields = fieldErrorsOf(caught);
      setErrors(fields);
      setGeneral(Object.keys(fields).length > 0 ? null : messageOf(caught));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} noValidate>
      <Flex direction="column" alignItems="stretch" gap={4} paddingLeft={6} paddingRight={6} paddingTop={4} paddingBottom={6}>
        {general && (
          <Typography textColor="danger600" role="alert">
            {general}
          </Typography>
        )}
        <Field.Root
          name="reason"
          error={errors.reason}
          required={needsReason}
          hint={needsReason ? '申请人会在查询页面和邮件中看到这段理由' : '可选'}
        >
          <Field.Label>理由</Field.Label>
          <Textarea value={reason} onChange={(e: { target: { value: string } }) => setReason(e.target.value)} />
          <Field.Hint />
          <Field.Error />
        </Field.Root>
        {asksAccessPeriod && (
          <Flex gap={4} alignItems="flex-start">
            <DateField
              name="accessStart"
              label="数据使用期限开始日期"
              hint="如 2026-12-01；不填则不设定"
              value={accessStart}
              error={errors.accessStart}
              onChange={setAccessStart}
            />
            <DateField
              name="accessEnd"
              label="数据使用期限结束日期"
              hint="如 2027-11-30"
              value={accessEnd}
              error={errors.accessEnd}
              onChange={setAccessEnd}
            />
          </Flex>
        )}
        <Box>
          <Flex gap={2} justifyContent="flex-end">
            <Button variant="tertiary" onClick={onClose} type="button">
              取消
            </Button>
            <Button type="submit" loading={busy} variant={action === 'approve' ? 'success' : action === 'reject' ? 'danger' : 'secondary'}>
              确认{label}
            </Button>
          </Flex>
        </Box>
      </Flex>
    </form>
  );
}
