import { SICHUAN_PROVINCE_CODE } from '@statdesk/config';
import type { Core } from '@strapi/strapi';

const SEEDED = { type: 'app', name: 'statdesk', key: 'agencyPilotsSeeded' } as const;

/**
 * Agencies register only in pilots of the statistical agency system (seeds/004 §七). On a new
 * installation the whole province is the pilot, so registration works from the start; the
 * province narrows it in 统计代理制试点地区. Done once: a list the province emptied stays empty.
 */
export async function seedAgencyPilots(strapi: Core.Strapi): Promise<void> {
  const store = strapi.store(SEEDED);
  if (await store.get({ key: SEEDED.key })) return;
  const count = await strapi.db.query('api::agency-pilot.agency-pilot').count();
  if (Number(count) === 0) await strapi.documents('api::agency-pilot.agency-pilot').create({ data: { regionCode: SICHUAN_PROVINCE_CODE } });
  await store.set({ key: SEEDED.key, value: true });
}
