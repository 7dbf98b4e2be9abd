import { statisticianForm } from '@statdesk/config';
import { Box, Button, Field, Flex, SingleSelect, SingleSelectOption, TextInput, Typography } from '@strapi/design-system';
import { useField, useForm } from '@strapi/strapi/admin';
import { useDeskRecord } from '../../../../../admin/shared/api';
import { type StatisticianRecord, statisticianPath } from '../api';
import type { CustomInputProps } from './input-props';

/** The form's own definition of the rows (config/src/forms/statistician.ts): labels, choices, limits. */
const rowsField = statisticianForm.fields.find((field) => field.name === 'serviceUnits');
if (!rowsField) throw new Error('statisticianForm has no serviceUnits field');
const { columns, rowNoun, minRows, maxRows } = rowsField;
type Row = Record<string, string>;

/** One answer of one row, with the server's message for that cell beside it. */
function Cell({ path, column, disabled }: { path: string; column: (typeof columns)[number]; disabled: boolean }) {
  const { value, error, onChange } = useField<string>(path);
  const text = typeof value === 'string' ? value : '';
  return (
    <Field.Root name={path} error={error} required style={{ flex: '1 1 12rem' }}>
      <Field.Label>{column.label}</Field.Label>
      {'options' in column ? (
        <SingleSelect value={text} disabled={disabled} onChange={(choice: string | number) => onChange(path, String(choice))}>
          {column.options.map((option) => (
            <SingleSelectOption key={option.value} value={option.value}>
              {option.label}
            </SingleSelectOption>
          ))}
        </SingleSelect>
      ) : (
        <TextInput value={text} disabled={disabled} onChange={(e: { target: { value: string } }) => onChange(path, e.target.value)} />
      )}
      <Field.Error />
    </Field.Root>
  );
}

/**
 * 统计服务单位情况 as the bureau edits it on the person's behalf (seeds/004 §十二): one block per
 * unit, each answer labelled as on the registration form, the role chosen by its zh-CN name. The
 * value stays the JSON array the public form stores, so registration and the reporting gate read
 * it unchanged; the server checks it as a registration is (the statistician lifecycles).
 */
export function ServiceUnitsInput({ name = 'serviceUnits', label, hint, disabled: disabledByRole = false }: CustomInputProps) {
  const { value, error, onChange } = useField<Row[]>(name);
  // A removed registration, or one of another region, is read only (the desk says why).
  const no = useForm('ServiceUnitsInput', (state) => (state.values as { registrationNo?: string }).registrationNo);
  const { record } = useDeskRecord<StatisticianRecord>(statisticianPath(no));
  const disabled = disabledByRole || Boolean(record?.readOnlyReason);
  const rows: Row[] = Array.isArray(value) ? value : [];
  const setRows = (next: Row[]) => onChange(name, next);
  const empty = () => Object.fromEntries(columns.map((column) => [column.name, ''])) as Row;
  return (
    <Box width="100%" data-testid="service-units">
      <Typography variant="pi" fontWeight="bold" tag="h3">
        {label ?? rowsField?.label}
      </Typography>
      {hint && (
        <Typography variant="pi" textColor="neutral600" tag="p">
          {hint}
        </Typography>
      )}
      {typeof error === 'string' && (
        <Typography variant="pi" textColor="danger600" tag="p">
          {error}
        </Typography>
      )}
      {rows.map((_, i) => (
        // Rows have no key of their own but their place, which the messages name too.
        <Box key={i} data-row={i + 1} tag="fieldset" padding={3} marginTop={3} borderColor="neutral200" hasRadius>
          <Flex justifyContent="space-between">
            <Typography tag="legend" fontWeight="semiBold">{`${rowNoun} ${i + 1}`}</Typography>
            {!disabled && rows.length > minRows && (
              <Button variant="danger-light" size="S" onClick={() => setRows(rows.filter((__, j) => j !== i))}>
                {`删除${rowNoun} ${i + 1}`}
              </Button>
            )}
          </Flex>
          <Flex gap={3} alignItems="flex-start" wrap="wrap" marginTop={2}>
            {columns.map((column) => (
              <Cell key={column.name} path={`${name}.${i}.${column.name}`} column={column} disabled={disabled} />
            ))}
          </Flex>
        </Box>
      ))}
      {!disabled && rows.length < maxRows && (
        <Box marginTop={3}>
          <Button variant="secondary" onClick={() => setRows([...rows, empty()])}>
            {`添加一个${rowNoun}`}
          </Button>
        </Box>
      )}
    </Box>
  );
}

export default ServiceUnitsInput;
