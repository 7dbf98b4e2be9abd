import { Box, Button, Field, Flex, Textarea, TextInput, Typography } from '@strapi/design-system';
import { useFetchClient, useNotification } from '@strapi/strapi/admin';
import { type FormEvent, type ReactNode, useState } from 'react';
import { confirmLabel } from '../confirm-label';
import { fieldErrorsOf, messageOf } from './api';

export interface ActionField {
  name: string;
  label: string;
  hint: string;
  required: boolean;
  multiline: boolean;
}

export interface ActionFormProps {
  path: string;
  /** Sent with the typed fields, e.g. { decision: 'approve' }. */
  body: Record<string, unknown>;
  /** One field a row; the fields of an inner list share a row (a period's start and end). */
  rows: Array<ActionField | ActionField[]>;
  label: string;
  /** The notice on success, e.g. 已通过：MD-2026-0001. */
  done: string;
  variant: 'success' | 'danger' | 'secondary';
  onClose: () => void;
  /**
   * Shows the outcome in place (the review desk reloads its record and offers 下一条); without it
   * the page reloads.
   */
  onDone?: () => void;
  /**
   * Something the officer must read before the dialog closes (a new query password, shown once):
   * the answer is shown in place of the form, and closing reloads the page.
   */
  showAnswer?: (data: unknown) => ReactNode;
}

interface FieldProps {
  field: ActionField;
  value: string;
  error?: string;
  onChange(value: string): void;
}

/** One field with its hint and the server's message beside it. */
function ActionInput({ field, value, error, onChange }: FieldProps) {
  const change = (e: { target: { value: string } }) => onChange(e.target.value);
  return (
    <Field.Root name={field.name} error={error} required={field.required} hint={field.hint}>
      <Field.Label>{field.label}</Field.Label>
      {field.multiline ? <Textarea value={value} onChange={change} /> : <TextInput value={value} onChange={change} />}
      <Field.Hint />
      <Field.Error />
    </Field.Root>
  );
}

/** The typed values, trimmed; a field left empty is not sent. */
const typedValues = (values: Record<string, string>) =>
  Object.fromEntries(Object.entries(values).flatMap(([name, value]) => (value.trim() ? [[name, value.trim()]] : [])));

/**
 * One desk action (a review decision, a bureau action) with what it asks for: a reason, a date, a
 * period. The server's messages appear next to their fields and nothing typed is lost; on success
 * the record, the panel and the history are brought to agree (onDone, or a page reload).
 */
export function ActionForm({ path, body, rows, label, done, variant, onClose, onDone, showAnswer }: ActionFormProps) {
  const { post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const [values, setValues] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [shown, setShown] = useState<ReactNode>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    try {
      const { data } = await post(path, { ...body, ...typedValues(values) });
      toggleNotification({ type: 'success', message: done });
      if (showAnswer) {
        setShown(showAnswer(data));
        return;
      }
      onClose();
      if (onDone) onDone();
      else window.location.reload();
    } catch (caught) {
      const fieldErrors = fieldErrorsOf(caught);
      setErrors(fieldErrors);
      setGeneral(Object.keys(fieldErrors).length > 0 ? null : messageOf(caught));
    } finally {
      setBusy(false);
    }
  }

  const input = (field: ActionField) => (
    <ActionInput
      key={field.name}
      field={field}
      value={values[field.name] ?? ''}
      error={errors[field.name]}
      onChange={(value) => setValues((v) => ({ ...v, [field.name]: value }))}
    />
  );

  if (shown)
    return (
      <Flex direction="column" alignItems="stretch" gap={4} paddingLeft={6} paddingRight={6} paddingTop={4} paddingBottom={6}>
        {shown}
        <Flex justifyContent="flex-end">
          <Button onClick={() => window.location.reload()} type="button">
            关闭
          </Button>
        </Flex>
      </Flex>
    );

  return (
    <form onSubmit={submit} noValidate>
      <Flex direction="column" alignItems="stretch" gap={4} paddingLeft={6} paddingRight={6} paddingTop={4} paddingBottom={6}>
        {general && (
          <Typography textColor="danger600" role="alert">
            {general}
          </Typography>
        )}
        {rows.map((row) =>
          Array.isArray(row) ? (
            <Flex key={row.map((field) => field.name).join()} gap={4} alignItems="flex-start">
              {row.map(input)}
            </Flex>
          ) : (
            input(row)
          ),
        )}
        <Box>
          <Flex gap={2} justifyContent="flex-end">
            <Button variant="tertiary" onClick={onClose} type="button">
              取消
            </Button>
            <Button type="submit" loading={busy} variant={variant}>
              {confirmLabel(label)}
            </Button>
          </Flex>
        </Box>
      </Flex>
    </form>
  );
}
