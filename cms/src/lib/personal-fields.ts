import { agencyForm, personalFieldNames, type SubmissionKindId, statisticianForm, submissionKinds } from '@statdesk/config';
import { uidOf } from './records';

export const STATISTICIAN_UID = 'api::statistician.statistician';
export const AGENCY_UID = 'api::agency.agency';

/**
 * The personal attributes of every record type staff handle, by content type: the form's personal
 * fields (config/src/admin/personal-data.ts). A registration also stores the gender and birth date
 * it derives from the ID number (GB 11643-1999 encodes both), so they are as personal as the number.
 */
export const personalFieldsByUid: Readonly<Record<string, readonly string[]>> = {
  ...Object.fromEntries(
    (Object.keys(submissionKinds) as SubmissionKindId[]).map((id) => [uidOf(id), personalFieldNames(submissionKinds[id].form)]),
  ),
  [STATISTICIAN_UID]: [...personalFieldNames(statisticianForm), 'gender', 'birthDate'],
  [AGENCY_UID]: personalFieldNames(agencyForm),
};

/** Every attribute name that is personal in some record type: what a history entry never stores. */
export const allPersonalFieldNames: ReadonlySet<string> = new Set(Object.values(personalFieldsByUid).flat());
