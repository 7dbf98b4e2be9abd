/** The component of each kind a repeatable row's column can be (config/src/fields/kinds/rows.ts). */
import type { ColumnField, FieldType } from '@statdesk/config';
import Choices from './Choices.astro';
import type { FieldComponent } from './props';
import Select from './Select.astro';
import Textarea from './Textarea.astro';
import TextInput from './TextInput.astro';

export const columnComponents = {
  text: TextInput,
  textarea: Textarea,
  email: TextInput,
  phone: TextInput,
  url: TextInput,
  idCard: TextInput,
  creditCode: TextInput,
  date: TextInput,
  select: Select,
  radios: Choices,
} satisfies { [K in ColumnField['type'] & FieldType]: FieldComponent<Extract<ColumnField, { type: K }>> };

/** The component of one column. */
export const columnComponent = (column: ColumnField) => columnComponents[column.type] as FieldComponent;
