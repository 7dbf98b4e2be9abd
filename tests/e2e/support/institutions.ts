import { SAMPLE_PDF } from '../../integration/support/files.ts';
import { validInstitution } from '../../integration/support/fixtures.ts';
import { cmsUrl } from './journey.ts';
import { cmsApi, superAdminJwt } from './staff.ts';

/** A registration's answer: its number, its query password (shown once) and the token that opens it. */
export interface RegisteredInstitution {
  applicationNo: string;
  queryPassword: string;
  token: string;
}

/**
 * An institution registered through the public API, waiting for its stamped form. The journeys
 * share one database, and a credit code registers once: give each institution its own `creditCode`.
 */
export const registerInstitution = (answers: Record<string, unknown>): Promise<RegisteredInstitution> =>
  cmsApi<RegisteredInstitution>('/api/public/institutions', { method: 'POST', body: JSON.stringify(validInstitution(answers)) });

/** The applicant uploads the stamped form with the token the submission returned, as /records/<no>/upload does. */
export async function uploadStampedForm({ applicationNo, token }: { applicationNo: string; token: string }): Promise<void> {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(SAMPLE_PDF)], { type: 'application/pdf' }), '盖章申请表.pdf');
  const upload = await fetch(cmsUrl(`/api/public/records/${applicationNo}/stamped-form`), {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
    body: form,
  });
  if (!upload.ok) throw new Error(`${applicationNo}: the stamped form was refused with ${upload.status}`);
}

/**
 * An institution registered, its stamped form uploaded and approved (通过) at the review desk, by
 * the call the record's 通过 button makes (the reviewer's clicks are review-an-application's
 * journey): a data application may name only an approved one (seeds/000 §3.2 须先完成机构登记).
 */
export async function approvedInstitution(answers: Record<string, unknown>): Promise<RegisteredInstitution> {
  const registered = await registerInstitution(answers);
  await uploadStampedForm(registered);
  await cmsApi(`/review-desk/records/${registered.applicationNo}/decisions`, {
    method: 'POST',
    token: await superAdminJwt(),
    body: JSON.stringify({ action: 'approve' }),
  });
  return registered;
}
