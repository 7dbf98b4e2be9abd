/**
 * What the Content Manager passes a custom field's input (content-manager InputRenderer): the
 * field's path in the form, its label and hint from the view, whether it is required or locked.
 * Strapi types the input as a component of no props, so each is optional here.
 */
export interface CustomInputProps {
  name?: string;
  label?: string;
  hint?: string;
  required?: boolean;
  disabled?: boolean;
}
