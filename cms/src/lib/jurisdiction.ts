import { coversServiceUnits, isRegionBound, regionName, t } from '@statdesk/config';
import type { Core } from '@strapi/strapi';
import { PublicError } from './http-errors';

const JURISDICTION_UID = 'api::jurisdiction.jurisdiction';

/** The region assigned to an admin user in 辖区分配, if any. */
export async function regionOf(strapi: Core.Strapi, email: string | undefined): Promise<string | undefined> {
  if (!email) return undefined;
  const row = (await strapi.db.query(JURISDICTION_UID).findOne({ where: { adminEmail: { $eqi: email } } })) as {
    regionCode?: string;
  } | null;
  return row?.regionCode;
}

/** A signed-in admin user as Strapi's admin strategy loads it (with its roles). */
export interface AdminUser {
  email?: string | null;
  roles?: Array<{ code?: string }>;
}

/**
 * Why this user may not reopen, correct or remove a registration with these service units, or
 * undefined when they may: a county or city bureau acts for the registrations of its own region
 * only, as for agencies (seeds/004 §七, §十二); the province and the bureau's staff for all.
 */
export async function statisticianOutsideRegion(
  strapi: Core.Strapi,
  user: AdminUser | undefined,
  units: ReadonlyArray<{ code: string }>,
): Promise<string | undefined> {
  if (!isRegionBound((user?.roles ?? []).map((role) => role.code ?? ''))) return undefined;
  const region = await regionOf(strapi, user?.email ?? undefined);
  if (!region) return t('admin.jurisdiction.unassigned');
  return coversServiceUnits(region, units) ? undefined : t('admin.jurisdiction.statisticianOutside');
}

/** A user's own 辖区分配, and what to tell a county or city officer who has none yet. */
export async function jurisdictionOf(strapi: Core.Strapi, user: AdminUser | undefined) {
  const regionBound = isRegionBound((user?.roles ?? []).map((role) => role.code ?? ''));
  const regionCode = (await regionOf(strapi, user?.email ?? undefined)) ?? null;
  return {
    regionBound,
    regionCode,
    regionName: regionCode ? (regionName(regionCode) ?? null) : null,
    unassignedMessage: regionBound && !regionCode ? t('admin.jurisdiction.unassigned') : null,
  };
}

/** Refuses with 403 what statisticianOutsideRegion refuses. */
export async function requireStatisticianInRegion(
  strapi: Core.Strapi,
  user: AdminUser | undefined,
  units: ReadonlyArray<{ code: string }>,
): Promise<void> {
  const outside = await statisticianOutsideRegion(strapi, user, units);
  if (outside) throw new PublicError(403, 'ForbiddenError', outside);
}
