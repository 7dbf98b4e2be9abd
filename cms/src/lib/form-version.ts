import { createHash } from 'node:crypto';
import { type Field, type SubmissionKindId, submissionKinds } from '@statdesk/config';
import type { Entry } from './records';

/**
 * The version of a record's answers, as its printed form's QR code says it (config/src/form-code.ts):
 * the first 8 hex digits of a SHA-256 of the answers, field by field. Answers changed by a
 * resubmission or a change give another version, so a form printed before is known to be out of
 * date; the status, the dates and what a reviewer may not read do not enter, so whoever prints it
 * (applicant or staff) and whenever, the same answers print the same code.
 */
export function answersVersion(kindId: SubmissionKindId, entry: Entry): string {
  const answers = (submissionKinds[kindId].form.fields as readonly Field[])
    .filter((field) => field.type !== 'consent')
    .map((field) => [field.name, entry[field.name] ?? null]);
  return createHash('sha256').update(JSON.stringify(answers)).digest('hex').slice(0, 8);
}
