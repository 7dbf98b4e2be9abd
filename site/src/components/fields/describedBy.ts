import type { Field } from '@statdesk/config';

/** The ids an input is described by: its hint and its error, when present. */
export const describedBy = (field: Field, error: string | undefined): string | undefined =>
  [field.hint && `${field.name}-hint`, error && `${field.name}-error`].filter(Boolean).join(' ') || undefined;
