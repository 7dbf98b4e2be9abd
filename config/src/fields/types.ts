/** One option of a choice field. */
export interface FieldOption {
  value: string;
  label: string;
}

/** Where a choice field's options come from when they are not fixed in the form. */
export type OptionSource = 'catalog' | 'institutions';

interface BaseField {
  /** Name in the JSON body, the HTML form and the database (camelCase). */
  name: string;
  /** Visible label, zh-CN. */
  label: string;
  /** Hint shown under the label. */
  hint?: string;
  /** Optional fields say so next to their label. */
  optional?: boolean;
  /** Section heading this field sits under, on the page and the printed form. */
  section?: string;
  /**
   * A person's name or other personal information (个人信息保护法 §4) beyond the types that
   * always are (ID number, phone, email): admin roles without a need do not see it.
   */
  personal?: boolean;
}

export interface TextField extends BaseField {
  type: 'text' | 'textarea';
  maxLength?: number;
  autocomplete?: string;
}
export interface FormattedField extends BaseField {
  type: 'email' | 'phone' | 'url' | 'idCard' | 'creditCode' | 'date';
}
export interface ChoiceField extends BaseField {
  type: 'select' | 'radios' | 'checkboxes';
  /** Fixed options; a field with `source` gets them from the CMS at run time instead. */
  options?: FieldOption[];
  source?: OptionSource;
}
export interface ConsentField extends BaseField {
  type: 'consent';
  /** The statement the person agrees to (a notice key whose text is shown above the box). */
  statement: string;
}

/** A field that can be a column of a repeatable row: one plain answer per row. */
export type ColumnField = TextField | FormattedField | (ChoiceField & { type: 'select' | 'radios' });

/**
 * A list of rows the person adds and removes (GOV.UK "Add another thing"), e.g. 统计服务单位.
 * Posted as `name.<row>.<column>`; each row is validated with its columns' schemas.
 */
export interface RowsField extends BaseField {
  type: 'rows';
  columns: readonly ColumnField[];
  minRows: number;
  maxRows: number;
  /** What one row is called (服务单位), in headings, buttons and messages. */
  rowNoun: string;
  /** A column whose answer must differ from row to row (an enterprise's code). */
  uniqueBy?: string;
}

export type Field = TextField | FormattedField | ChoiceField | ConsentField | RowsField;
export type FieldType = Field['type'];

/** A public form: its id, title and fields, in order. */
export interface FormDefinition<F extends readonly Field[] = readonly Field[]> {
  id: string;
  title: string;
  /** Which field holds the applicant's phone (the query page's key) and name. */
  phoneField: string;
  applicantField: string;
  /** Where decisions are emailed to, when the form asks for an email address. */
  emailField?: string;
  fields: F;
}
