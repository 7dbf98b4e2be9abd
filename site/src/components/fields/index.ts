/**
 * The component that renders each field kind (config/src/fields/kinds): the site's one place that
 * knows them (alphagov/forms-runner's one partial per answer type). A kind missing here is a type
 * error; an unknown type in a form throws, naming the form and the field.
 */
import type { Field, FieldType, FormDefinition } from '@statdesk/config';
import Choices from './Choices.astro';
import Consent from './Consent.astro';
import { columnComponents } from './columns';
import type { FieldComponent } from './props';
import Rows from './Rows.astro';

export const fieldComponents = {
  ...columnComponents,
  checkboxes: Choices,
  consent: Consent,
  rows: Rows,
} satisfies { [K in FieldType]: FieldComponent<Extract<Field, { type: K }>> };

/** The component of one field of `form`. */
export function fieldComponent(form: FormDefinition, field: Field): FieldComponent {
  if (!Object.hasOwn(fieldComponents, field.type))
    throw new Error(`Form "${form.id}": field "${field.name}" has unknown type "${field.type}"`);
  return fieldComponents[field.type] as FieldComponent;
}
