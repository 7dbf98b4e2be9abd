/** 统计人员: registration, the look-up, the holder's own registration and the gate's links (seeds/004 §十 to §十三). */
import { endpoints } from '@statdesk/config/contract';
import { call, openedBy } from './transport.ts';

export type { GateLinkView, Registration, RegistrationLink, RegistrationLinkView } from '@statdesk/config/contract';

/** A 409 tells that an ID is registered, so it counts against the visitor's attempt limit: the address travels along. */
/** `registrarToken`: the look-up of a comprehensive statistician registering a colleague (seeds/004 §十一). */
export const registerStatistician = (values: Record<string, unknown>, clientAddress: string, registrarToken?: string) =>
  call(endpoints.registerStatistician, { body: values, clientAddress, token: registrarToken });

export const lookUpStatistician = (idNumber: string, password: string, clientAddress: string) =>
  call(endpoints.lookUpStatistician, { body: { idNumber, password }, clientAddress });

export const myRegistration = async (token: string) => (await openedBy(endpoints.myRegistration, { token }))?.registration;

/** Every answer but the ID number, once the bureau has reopened the registration (seeds/004 §十三). */
export const resubmitRegistration = (token: string, values: Record<string, unknown>) =>
  call(endpoints.resubmitRegistration, { body: values, token });

/** Which enterprise a gate link names, once the CMS has checked its signature and expiry. */
export const readGateLink = (token: string) => call(endpoints.readGateLink, { params: { token } });

/** Adds the link's enterprise to the registration the ID number and query password open (seeds/004 §十二). */
export const addGateUnit = (token: string, idNumber: string, password: string, clientAddress: string) =>
  call(endpoints.addGateUnit, { params: { token }, body: { idNumber, password }, clientAddress });

/** The links a comprehensive statistician made for colleagues (seeds/004 §十一); undefined once the look-up expired. */
export const myRegistrationLinks = async (token: string) => (await openedBy(endpoints.listRegistrationLinks, { token }))?.links;

export const createRegistrationLink = (token: string, enterpriseCode: string, colleague: string) =>
  call(endpoints.createRegistrationLink, { body: { enterpriseCode, colleague }, token });

export const revokeRegistrationLink = (token: string, id: string) => call(endpoints.revokeRegistrationLink, { params: { id }, token });

/** What a colleague's link says, or why it cannot be used (unknown, used, expired, revoked). */
export const readRegistrationLink = (token: string) => call(endpoints.readRegistrationLink, { params: { token } });
