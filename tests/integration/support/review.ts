import { validInstitution } from './fixtures.ts';
import { postJson, type Submitted } from './http.ts';
import type { TestCms } from './strapi.ts';

/** A registration's answer: its number, its query password once, and the token that opens it. */
type RegisteredInstitution = Submitted & { token: string };

type Review = {
  transition(no: string, decision: { action: string; actor: string; reason?: string }): Promise<{ from: string; to: string }>;
};

/** Drives a record through the workflow service, as the admin desk does. */
export const review = (cms: TestCms) => cms.strapi.service('plugin::review-desk.review' as never) as unknown as Review;

/** Skips the upload (tested on its own) and approves, so later steps have an approved record. */
export async function approveWithoutScan(cms: TestCms, no: string): Promise<void> {
  await review(cms).transition(no, { action: 'upload', actor: '测试' });
  await review(cms).transition(no, { action: 'approve', actor: '测试审核员' });
}

/**
 * An institution registered through the public API and approved by a reviewer (approveWithoutScan):
 * a data application may name only an approved one (seeds/000 §3.2 须先完成机构登记).
 */
export async function approvedInstitution(cms: TestCms, overrides: Record<string, unknown> = {}): Promise<RegisteredInstitution> {
  const { status, body } = await postJson<RegisteredInstitution>(cms.url, '/api/public/institutions', validInstitution(overrides));
  if (status !== 201) throw new Error(`The institution was not registered: ${status} ${JSON.stringify(body)}`);
  await approveWithoutScan(cms, body.applicationNo);
  return body;
}
