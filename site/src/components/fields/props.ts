import type { Field, FieldOption } from '@statdesk/config';
import type { Notice } from '../../lib/cms/content';

/** What the form gives every field component; each takes the part its kind needs. */
export interface FieldProps<F extends Field = Field> {
  field: F;
  value: unknown;
  error?: string | undefined;
  /** Every error of the form, for a field whose cells have errors of their own (rows). */
  errors?: Record<string, string> | undefined;
  /** The choices, fixed in the form or from the CMS. */
  options?: FieldOption[] | undefined;
  /** The notice a consent field's statement names. */
  notice?: Notice | undefined;
}

/** A field component, as the tables in columns.ts and index.ts hold them. */
export type FieldComponent<F extends Field = Field> = (props: FieldProps<F>) => unknown;
