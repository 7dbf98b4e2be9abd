import { Box, Button, Field, Flex, Textarea, TextInput, Typography } from '@strapi/design-system';
import { useFetchClient, useNotification } from '@strapi/strapi/admin';
import { type FormEvent, useState } from 'react';
import { confirmLabel } from '../confirm-label';
import { fieldErrorsOf, messageOf } from '../review/api';

export interface ActionField {
  name: string;
  label: string;
  hint: string;
  required: boolean;
  multiline: boolean;
}

interface Props {
  path: string;
  /** Sent with the typed fields, e.g. { decision: 'approve' }. */
  body: Record<string, unknown>;
  fields: ActionField[];
  label: string;
  danger: boolean;
  onClose: () => void;
}

/**
 * One bureau action with what it asks for (a reason, an effective date). The server's messages
 * appear next to their fields and nothing typed is lost; on success the page reloads so that the
 * record, the panel and the history agree.
 */
export function ActionForm({ path, body, fields, label, danger, onClose }: Props) {
  const { post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const [values, setValues] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    try {
      await post(path, { ...body, ...values });
      toggleNotification({ type: 'success', message: `已${label}` });
      onClose();
      window.location.reload();
    } catch (caught) {
      const fieldErrors = fieldErrorsOf(caught);
      setErrors(fieldErrors);
      setGeneral(Object.keys(fieldErrors).length > 0 ? null : messageOf(caught));
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
        {fields.map((field) => {
          const onChange = (e: { target: { value: string } }) => setValues((v) => ({ ...v, [field.name]: e.target.value }));
          return (
            <Field.Root key={field.name} name={field.name} error={errors[field.name]} required={field.required} hint={field.hint}>
              <Field.Label>{field.label}</Field.Label>
              {field.multiline ? (
                <Textarea value={values[field.name] ?? ''} onChange={onChange} />
              ) : (
                <TextInput value={values[field.name] ?? ''} onChange={onChange} />
              )}
              <Field.Hint />
              <Field.Error />
            </Field.Root>
          );
        })}
        <Box>
          <Flex gap={2} justifyContent="flex-end">
            <Button variant="tertiary" onClick={onClose} type="button">
              取消
            </Button>
            <Button type="submit" loading={busy} variant={danger ? 'danger' : 'success'}>
              {confirmLabel(label)}
            </Button>
          </Flex>
        </Box>
      </Flex>
    </form>
  );
}
