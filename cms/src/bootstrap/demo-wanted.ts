import type { Core, UID } from '@strapi/strapi';

/**
 * Whether a demo seed runs: only when `npm start` asks for the demo (STATDESK_SEED_DEMO, README
 * "Demo data"), and only while `uid` has no row yet, so that a restart never seeds twice and the
 * demo is never mixed into data people entered.
 */
export async function isDemoWanted(strapi: Core.Strapi, uid: UID.ContentType): Promise<boolean> {
  if (process.env.STATDESK_SEED_DEMO !== 'true') return false;
  return Number(await strapi.db.query(uid).count({})) === 0;
}
