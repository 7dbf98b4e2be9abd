/** 统计代理机构: registration with its documents, the look-up and the agency's own status (seeds/004 §七). */
import { endpoints } from '@statdesk/config/contract';
import { answersWithFiles, call, openedBy } from './transport.ts';

export type { AgencyStatusView as AgencyStatus } from '@statdesk/config/contract';

/** An agency's registration: the answers and every document, in one multipart request. */
export const registerAgency = (values: Record<string, unknown>, files: Array<{ name: string; file: File }>) =>
  call(endpoints.registerAgency, { body: answersWithFiles(values, files), timeoutMs: 120_000 });

/** A refused registration, supplemented under its number: all the answers, the documents that replace stored ones. */
export const resubmitAgency = (token: string, values: Record<string, unknown>, files: Array<{ name: string; file: File }>) =>
  call(endpoints.resubmitAgency, { body: answersWithFiles(values, files), token, timeoutMs: 120_000 });

export const lookUpAgency = (registrationNo: string, password: string, clientAddress: string) =>
  call(endpoints.lookUpAgency, { body: { registrationNo, password }, clientAddress });

export const myAgency = async (token: string) => (await openedBy(endpoints.myAgency, { token }))?.agency;
