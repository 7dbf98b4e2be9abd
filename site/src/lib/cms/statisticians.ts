/** 统计人员: registration, the look-up and the holder's own registration (seeds/004 §十二). */
import { endpoints } from '@statdesk/config/contract';
import { call, openedBy } from './transport.ts';

export type { Registration } from '@statdesk/config/contract';

/** A 409 tells that an ID is registered, so it counts against the visitor's attempt limit: the address travels along. */
export const registerStatistician = (values: Record<string, unknown>, clientAddress: string) =>
  call(endpoints.registerStatistician, { body: values, clientAddress });

export const lookUpStatistician = (idNumber: string, password: string, clientAddress: string) =>
  call(endpoints.lookUpStatistician, { body: { idNumber, password }, clientAddress });

export const myRegistration = async (token: string) => (await openedBy(endpoints.myRegistration, { token }))?.registration;

export const resubmitServiceUnits = (token: string, serviceUnits: unknown) =>
  call(endpoints.resubmitServiceUnits, { body: { serviceUnits }, token });
