import type { Core } from '@strapi/strapi';

/** StatDesk's services by UID (types/services.d.ts lists them). */
export type ServiceUid = keyof StatDeskServices;

/** The names of the services under one API or plugin, e.g. 'chain' under 'api::agency'. */
type NameIn<P extends string> = ServiceUid extends infer U ? (U extends `${P}.${infer N}` ? N : never) : never;

/**
 * A StatDesk service, typed: Strapi's own `strapi.service(uid)` answers every service as the same
 * bare type, which callers used to cast to `ReturnType<typeof import(…)>` one by one.
 */
export const serviceOf = <U extends ServiceUid>(strapi: Core.Strapi, uid: U): StatDeskServices[U] =>
  strapi.service(uid) as unknown as StatDeskServices[U];

/** The look-up of one API's or plugin's services by name, e.g. servicesIn(strapi, 'api::agency')('chain'). */
export const servicesIn =
  <P extends string>(strapi: Core.Strapi, prefix: P) =>
  <N extends NameIn<P>>(name: N) =>
    serviceOf(strapi, `${prefix}.${name}` as `${P}.${N}` & ServiceUid);

/**
 * servicesIn against the running Strapi, looked up on each call: a controller module outlives a
 * Strapi destroyed and started again in one process (the tests' restart(), one file booting once
 * per private store), whose services must be the new ones.
 */
export const runningServicesIn =
  <P extends string>(prefix: P) =>
  <N extends NameIn<P>>(name: N) =>
    servicesIn(strapi, prefix)(name);
