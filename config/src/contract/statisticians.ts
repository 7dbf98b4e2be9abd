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
  /** seeds/004 §十一: the 综合统计人员 who registered this person or gave them the link; null when they registered themselves. */
  registrarNo: z.string().nullable(),
  /** `verified`: the platform vouched for the unit (a gate link) or the bureau confirmed it; only these open the gate. */
  serviceUnits: z.array(z.object({ code: z.string(), name: z.string(), role: z.string(), verified: z.boolean() })),
  state: z.enum(registrationStates),
  stateLabel: z.string(),
  submittedAt: z.string(),
});
export type Registration = z.infer<typeof registration>;

/**
 * A signed, expiring registration link for one enterprise: the platform shows it to the person
 * logged in with the enterprise's account (seeds/004 §十), so the site knows which enterprise sent them.
 */
export const gateLink = z.object({
  /** The site's registration page with the token (absolute when the site's address is configured). */
  url: z.string(),
  token: z.string(),
  expiresAt: z.string(),
});
export type GateLink = z.infer<typeof gateLink>;

/** What the data collection platform asks on its login path (seeds/004 §十二); `registrationLink` when refused. */
export const gateAnswer = z.object({
  allowed: z.boolean(),
  registeredStatisticians: z.number().int().min(0),
  message: z.string(),
  registrationLink: gateLink.optional(),
});
export type GateAnswer = z.infer<typeof gateAnswer>;

/** What a gate link says, once its signature and expiry are checked. */
export const gateLinkView = z.object({ enterpriseCode: z.string(), enterpriseName: z.string().nullable(), expiresAt: z.string() });
export type GateLinkView = z.infer<typeof gateLinkView>;

const opened = z.object({ registration });

/** What became of a registration link a comprehensive statistician made for a colleague (seeds/004 §十一). */
export const registrationLinkStates = ['unused', 'used', 'expired', 'revoked'] as const;

/** One link as its maker sees it in the list: never the token, which only its hash stores. */
export const registrationLink = z.object({
  id: z.string(),
  colleague: z.string(),
  enterpriseCode: z.string(),
  enterpriseName: z.string(),
  createdAt: z.string(),
  expiresAt: z.string(),
  state: z.enum(registrationLinkStates),
  stateLabel: z.string(),
  /** The colleague who registered through it. */
  usedBy: z.object({ registrationNo: z.string(), name: z.string() }).nullable(),
  usedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export type RegistrationLink = z.infer<typeof registrationLink>;

const links = z.object({ links: z.array(registrationLink) });

/** What an unused link says to the colleague who opens it. */
export const registrationLinkView = z.object({
  enterpriseCode: z.string(),
  enterpriseName: z.string(),
  colleague: z.string(),
  invitedBy: z.string(),
  expiresAt: z.string(),
});
export type RegistrationLinkView = z.infer<typeof registrationLinkView>;

export const statisticians = {
  registerStatistician: defineEndpoint({
    method: 'POST',
    path: '/api/public/statisticians',
    // Registering on behalf of a colleague also sends the registrar's look-up token (401 when expired).
    auth: 'none',
    request: { body: z.record(z.string(), z.unknown()) },
    responses: { 201: z.object({ registrationNo: z.string(), queryPassword: z.string(), status: z.literal('active') }) },
    // 409: the ID is registered (it counts against the address's attempt limit, hence 429).
    // 404/410: `inviteToken` names no link, or one used, expired or revoked (seeds/004 §十一).
    errors: [400, 401, 404, 409, 410, 429],
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
  /** Every answer but the ID number, once the bureau has reopened the registration (seeds/004 §十三). */
  resubmitRegistration: defineEndpoint({
    method: 'PUT',
    path: '/api/public/statisticians/mine',
    auth: 'look-up-token',
    request: { body: z.record(z.string(), z.unknown()) },
    responses: { 200: opened },
    errors: [400, 401, 409],
  }),
  /** The site reads a gate link before showing it: which enterprise, until when (400 when tampered or expired). */
  readGateLink: defineEndpoint({
    method: 'GET',
    path: '/api/public/statisticians/gate-links/:token',
    auth: 'none',
    request: { params: z.object({ token: z.string() }) },
    responses: { 200: gateLinkView },
    errors: [400],
  }),
  /** A registered person adds the link's enterprise to their registration, verified (seeds/004 §十二). */
  addGateUnit: defineEndpoint({
    method: 'POST',
    path: '/api/public/statisticians/gate-links/:token/units',
    auth: 'none',
    request: { params: z.object({ token: z.string() }), body: z.object({ idNumber: z.string(), password: z.string() }) },
    responses: { 200: z.object({ token: z.string(), registration }) },
    errors: [400, 401, 409, 429],
  }),
  resubmitServiceUnits: defineEndpoint({
    method: 'PUT',
    path: '/api/public/statisticians/mine/service-units',
    auth: 'look-up-token',
    request: { body: z.object({ serviceUnits: z.unknown() }) },
    responses: { 200: opened },
    errors: [400, 401, 409],
  }),
  /** The comprehensive statistician's links for colleagues (seeds/004 §十一), newest first. */
  listRegistrationLinks: defineEndpoint({
    method: 'GET',
    path: '/api/public/statisticians/mine/links',
    auth: 'look-up-token',
    responses: { 200: links },
    errors: [401],
  }),
  /**
   * One single-use, expiring link for a colleague, bound to one of the maker's verified service
   * units where they are the 综合统计 (seeds/004 §十一). The token is shown once; only its hash is kept.
   */
  createRegistrationLink: defineEndpoint({
    method: 'POST',
    path: '/api/public/statisticians/mine/links',
    auth: 'look-up-token',
    request: { body: z.object({ enterpriseCode: z.string(), colleague: z.string() }) },
    responses: { 201: links.extend({ link: gateLink }) },
    errors: [400, 401, 409],
  }),
  /** Revokes an unused link of the maker's own; 404 for anyone else's. */
  revokeRegistrationLink: defineEndpoint({
    method: 'POST',
    path: '/api/public/statisticians/mine/links/:id/revoke',
    auth: 'look-up-token',
    request: { params: z.object({ id: z.string() }) },
    responses: { 200: links },
    errors: [401, 404, 409],
  }),
  /** The site reads a colleague's link before showing the form: 404 unknown, 410 used, expired or revoked. */
  readRegistrationLink: defineEndpoint({
    method: 'GET',
    path: '/api/public/statisticians/registration-links/:token',
    auth: 'none',
    request: { params: z.object({ token: z.string() }) },
    responses: { 200: registrationLinkView },
    errors: [404, 410],
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
