/**
 * A bureau user's jurisdiction (辖区): the region whose agent agencies they review (seeds/004 §七:
 * 县区 reviews its own, 市州 approves its counties', the province confirms all). The region is a
 * GB/T 2260 code; its trailing zeros say its level.
 */
export type JurisdictionLevel = 'province' | 'city' | 'county';

export const jurisdictionLevel = (regionCode: string): JurisdictionLevel =>
  regionCode.endsWith('0000') ? 'province' : regionCode.endsWith('00') ? 'city' : 'county';

/** The Content Manager filter (a permission condition) of the agencies a jurisdiction covers; true for all. */
export function agencyFilterOf(regionCode: string): Record<string, string> | true {
  const level = jurisdictionLevel(regionCode);
  if (level === 'province') return true;
  return level === 'city' ? { cityCode: regionCode } : { countyCode: regionCode };
}

/** Whether a jurisdiction covers an agency registered in `countyCode`. */
export function coversCounty(regionCode: string, countyCode: string): boolean {
  const level = jurisdictionLevel(regionCode);
  if (level === 'province') return countyCode.slice(0, 2) === regionCode.slice(0, 2);
  if (level === 'city') return countyCode.slice(0, 4) === regionCode.slice(0, 4);
  return countyCode === regionCode;
}

export const JURISDICTION_CONDITION = {
  name: 'in-jurisdiction',
  /** Strapi's id of a condition registered without a plugin. */
  id: 'api::in-jurisdiction',
  displayName: '仅本辖区（按“辖区分配”）',
} as const;

/** The part of the direct-reporting rate a bureau user reads: their 市州 or 县区 (empty: the province). */
export interface RegionScope {
  city?: string;
  county?: string;
}

/** The report's region scope of a jurisdiction: a 市州 or 县区 reads its own rates only, the province all. */
export function reportScopeOf(regionCode: string): RegionScope {
  const level = jurisdictionLevel(regionCode);
  if (level === 'province') return {};
  return level === 'city' ? { city: regionCode } : { city: `${regionCode.slice(0, 4)}00`, county: regionCode };
}

/**
 * A region filter narrowed to a scope, or undefined when it asks for a region outside it: a county
 * bureau's filter is always its county, a city bureau's its city or one of the city's counties.
 */
export function filterWithinScope<F extends RegionScope>(scope: RegionScope, filter: F): F | undefined {
  if (filter.city && scope.city && filter.city !== scope.city) return undefined;
  if (filter.county && scope.county && filter.county !== scope.county) return undefined;
  if (filter.county && scope.city && !coversCounty(scope.city, filter.county)) return undefined;
  return { ...filter, city: scope.city ?? filter.city, county: scope.county ?? filter.county };
}

/**
 * The county of a unit's registration authority: digits 3–8 of its 统一社会信用代码 are that
 * authority's GB/T 2260 code (GB 32100-2015 §4).
 */
export const countyOfCreditCode = (code: string): string => code.slice(2, 8);

/**
 * Whether a jurisdiction covers a statistician: one of the registration's service units is
 * registered in it. The person asks the local bureau to reopen or correct the registration
 * (seeds/004 §十二), and that bureau is the one of the enterprises they report for.
 */
export const coversServiceUnits = (regionCode: string, units: ReadonlyArray<{ code: string }>): boolean =>
  units.some((unit) => coversCounty(regionCode, countyOfCreditCode(unit.code)));

/** 辖区分配's fields by their zh-CN names (admin list and form). */
export const jurisdictionFieldLabels: Record<string, string> = {
  adminEmail: '管理员账号',
  regionCode: '辖区',
  regionName: '辖区名称',
};
