import { z } from 'zod';
import { registrationStates } from '../workflow/statistician.ts';
import { defineEndpoint } from './endpoint.ts';

/** A statistician's registration as its holder sees it after the look-up. */
export const registration = z.object({
  registrationNo: z.string(),
  name: z.string(),
  idNumber: z.string(),
  gender: z.enum(['male', 'female']),
  birthDate: z.string(),
  phone: z.string(),
  email: z.string().nullable(),
  education: z.string(),
  qualification: z.string(),
  employer: z.string(),
  registeredBy: z.string(),
  serviceUnits: z.array(z.object({ code: z.string(), name: z.string(), role: z.string() })),
  state: z.enum(registrationStates),
  stateLabel: z.string(),
  submittedAt: z.string(),
});
export type Registration = z.infer<typeof registration>;

/** What the data collection platform asks on its login path (seeds/004 §十二). */
export const gateAnswer = z.object({ allowed: z.boolean(), registeredStatisticians: z.number().int().min(0), message: z.string() });
export type GateAnswer = z.infer<typeof gateAnswer>;

const opened = z.object({ registration });

export const statisticians = {
  registerStatistician: defineEndpoint({
    method: 'POST',
    path: '/api/public/statisticians',
    auth: 'none',
    request: { body: z.record(z.string(), z.unknown()) },
    responses: { 201: z.object({ registrationNo: z.string(), queryPassword: z.string(), status: z.literal('active') }) },
    // 409: the ID is registered (it counts against the address's attempt limit, hence 429).
    errors: [400, 409, 429],
  }),
  lookUpStatistician: defineEndpoint({
    method: 'POST',
    path: '/api/public/statisticians/lookup',
    auth: 'none',
    request: { body: z.object({ idNumber: z.string(), password: z.string() }) },
    responses: { 200: z.object({ token: z.string(), registration }) },
    errors: [400, 401, 429],
  }),
  myRegistration: defineEndpoint({
    method: 'GET',
    path: '/api/public/statisticians/mine',
    auth: 'look-up-token',
    responses: { 200: opened },
    errors: [401],
  }),
  resubmitServiceUnits: defineEndpoint({
    method: 'PUT',
    path: '/api/public/statisticians/mine/service-units',
    auth: 'look-up-token',
    request: { body: z.object({ serviceUnits: z.unknown() }) },
    responses: { 200: opened },
    errors: [400, 401, 409],
  }),
  gate: defineEndpoint({
    method: 'GET',
    path: '/api/direct-report/gate/:enterpriseCode',
    auth: 'api-token',
    request: { params: z.object({ enterpriseCode: z.string() }) },
    responses: { 200: gateAnswer },
    errors: [401, 403],
  }),
};
