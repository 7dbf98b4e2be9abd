import { agencyFilterOf, JURISDICTION_CONDITION } from '@statdesk/config';
import type { Core } from '@strapi/strapi';
import { regionOf } from '../lib/jurisdiction';

/**
 * The permission condition that limits county and city bureau users to the agencies of their own
 * region (seeds/004 §七), in the Content Manager's lists as well as its detail views. A user with
 * no region assigned sees none.
 */
export async function registerJurisdictionCondition(strapi: Core.Strapi): Promise<void> {
  const conditions = (strapi.service('admin::permission') as { conditionProvider: { register(condition: object): Promise<void> } })
    .conditionProvider;
  await conditions.register({
    displayName: JURISDICTION_CONDITION.displayName,
    name: JURISDICTION_CONDITION.name,
    category: 'StatDesk',
    async handler(user: { email?: string }) {
      const region = await regionOf(strapi, user.email);
      return region ? agencyFilterOf(region) : { id: -1 };
    },
  });
}
