import type { Core } from '@strapi/strapi';

const JURISDICTION_UID = 'api::jurisdiction.jurisdiction';

/** The region assigned to an admin user in 辖区分配, if any. */
export async function regionOf(strapi: Core.Strapi, email: string | undefined): Promise<string | undefined> {
  if (!email) return undefined;
  const row = (await strapi.db.query(JURISDICTION_UID).findOne({ where: { adminEmail: { $eqi: email } } })) as {
    regionCode?: string;
  } | null;
  return row?.regionCode;
}
