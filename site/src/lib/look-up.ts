import type { Refusal } from './cms/errors.ts';

/**
 * A refused look-up as its page shows it: a wrong pair once, next to the password (GOV.UK: the
 * error summary links to the field); other problems by field, or else as the summary's message.
 */
export function lookUpProblems(refusal: Refusal): { errors: Record<string, string>; message: string | undefined } {
  const errors = refusal.status === 401 ? { password: refusal.message } : refusal.fields;
  return { errors, message: Object.keys(errors).length === 0 ? refusal.message : undefined };
}
