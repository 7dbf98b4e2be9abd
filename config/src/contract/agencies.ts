import { z } from 'zod';
import { agencyStatuses } from '../workflow/agency.ts';
import { defineEndpoint } from './endpoint.ts';

/** An agency's registration as the agency itself reads it: not who decided (reviewers' names stay in the admin). */
export const agencyStatus = z.object({
  registrationNo: z.string(),
  agencyName: z.string(),
  creditCode: z.string(),
  status: z.enum(agencyStatuses),
  statusLabel: z.string(),
  submittedAt: z.string(),
  reason: z.string().nullable(),
  effectiveDate: z.string().nullable(),
  delegators: z.array(z.object({ code: z.string(), name: z.string() })),
  history: z.array(z.object({ actionLabel: z.string(), toLabel: z.string(), reason: z.string().nullable(), at: z.string() })),
});
export type AgencyStatusView = z.infer<typeof agencyStatus>;

export const agencyRegistered = z.object({
  registrationNo: z.string(),
  queryPassword: z.string(),
  status: z.enum(agencyStatuses),
  statusLabel: z.string(),
});

export const agencies = {
  registerAgency: defineEndpoint({
    method: 'POST',
    path: '/api/public/agencies',
    auth: 'none',
    /** Multipart: the answers as JSON in part `data`, each document in its own part. */
    responses: { 201: agencyRegistered },
    errors: [400, 413],
  }),
  lookUpAgency: defineEndpoint({
    method: 'POST',
    path: '/api/public/agencies/lookup',
    auth: 'none',
    request: { body: z.object({ registrationNo: z.string(), password: z.string() }) },
    responses: { 200: z.object({ token: z.string(), agency: agencyStatus }) },
    errors: [400, 401, 429],
  }),
  resubmitAgency: defineEndpoint({
    method: 'POST',
    path: '/api/public/agencies/mine/resubmit',
    auth: 'look-up-token',
    /** Multipart as registerAgency: all the answers again, and only the documents that replace stored ones. */
    responses: { 200: z.object({ agency: agencyStatus }) },
    errors: [400, 401, 409, 413],
  }),
  myAgency: defineEndpoint({
    method: 'GET',
    path: '/api/public/agencies/mine',
    auth: 'look-up-token',
    responses: { 200: z.object({ agency: agencyStatus }) },
    errors: [401],
  }),
};
