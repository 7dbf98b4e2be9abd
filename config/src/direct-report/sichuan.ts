import { SICHUAN_GBT2260 } from './sichuan-gbt2260.ts';

export interface SichuanCity {
  code: string;
  name: string;
  /** Its 县 / 区 / 县级市, as `[code, name]`, in code order. */
  counties: Array<[string, string]>;
}

/**
 * The 21 市州 of Sichuan, each with every one of its county-level divisions (GB/T 2260), read from
 * the Ministry of Civil Affairs' list in sichuan-gbt2260.ts. A county belongs to the 市州 whose code
 * shares its first four digits (GB/T 2260 §4); one that has none is an error in the data file.
 */
export function parseSichuanList(text: string): SichuanCity[] {
  const lines = text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const match = /^(51\d{4}) (\S+)$/.exec(line);
      if (!match) throw new Error(`Unreadable line in the GB/T 2260 list: ${line}`);
      return [match[1], match[2]] as [string, string];
    });
  const cities = lines
    .filter(([code]) => code.endsWith('00') && !code.endsWith('0000'))
    .map(([code, name]): SichuanCity => ({ code, name, counties: [] }));
  const cityByPrefix = new Map(cities.map((city) => [city.code.slice(0, 4), city]));
  for (const [code, name] of lines.filter(([code]) => !code.endsWith('00'))) {
    const city = cityByPrefix.get(code.slice(0, 4));
    if (!city) throw new Error(`County ${code} (${name}) has no 市州 in the GB/T 2260 list`);
    city.counties.push([code, name]);
  }
  return cities;
}

export const sichuanRegions: SichuanCity[] = parseSichuanList(SICHUAN_GBT2260);

/** Sichuan itself: the province collection centre's 辖区 (seeds/004 §七, the province confirms). */
export const SICHUAN_PROVINCE_CODE = '510000';

const regionNames = new Map<string, string>([
  [SICHUAN_PROVINCE_CODE, '四川省'],
  ...sichuanRegions.flatMap((city) => [
    [city.code, city.name] as const,
    ...city.counties.map(([code, name]) => [code, `${city.name} ${name}`] as const),
  ]),
]);

/** The province, a 市州 or a 县区 by name, as a bureau reads it (`成都市 锦江区`); undefined for a code not listed. */
export const regionName = (code: string): string | undefined => regionNames.get(code);

export const regionMessages = {
  city: (code: string) => `市州代码 ${code} 不在行政区划代码表（GB/T 2260）中`,
  county: (code: string) => `县区代码 ${code} 不在行政区划代码表（GB/T 2260）中`,
  countyOfCity: (county: string, city: string) => `县区代码 ${county}（${regionName(county)}）不属于市州 ${city}（${regionName(city)}）`,
  jurisdiction: (code: string) => `辖区代码 ${code} 不是四川省或其市州、县区的行政区划代码（GB/T 2260）`,
} as const;

const countiesOfCity = new Map(sichuanRegions.map((city) => [city.code, new Set(city.counties.map(([code]) => code))]));
const cityOfCounty = new Map(sichuanRegions.flatMap((city) => city.counties.map(([code]) => [code, city.code] as const)));

/**
 * Why a 市州 and 县区 pair is not one of the list above, naming the field at fault; undefined when
 * the county is listed under that city. Validated against whatever the list holds (GB/T 2260).
 */
export function checkRegion(cityCode: string, countyCode: string): { field: 'cityCode' | 'countyCode'; message: string } | undefined {
  if (!countiesOfCity.has(cityCode)) return { field: 'cityCode', message: regionMessages.city(cityCode) };
  const city = cityOfCounty.get(countyCode);
  if (city === undefined) return { field: 'countyCode', message: regionMessages.county(countyCode) };
  if (city !== cityCode) return { field: 'countyCode', message: regionMessages.countyOfCity(countyCode, cityCode) };
  return undefined;
}

/**
 * Why a report's region filter (`?city=&county=`) names no 市州 or 县区 of the list, or a 县区 of
 * another 市州, naming the parameter at fault; either may be absent.
 */
export function checkRegionFilter(
  city: string | undefined,
  county: string | undefined,
): { field: 'city' | 'county'; message: string } | undefined {
  if (city !== undefined && !countiesOfCity.has(city)) return { field: 'city', message: regionMessages.city(city) };
  if (county === undefined) return undefined;
  const owner = cityOfCounty.get(county);
  if (owner === undefined) return { field: 'county', message: regionMessages.county(county) };
  if (city !== undefined && owner !== city) return { field: 'county', message: regionMessages.countyOfCity(county, city) };
  return undefined;
}

/**
 * Why a code cannot be a bureau account's 辖区 (辖区分配): it must be the province, one of its
 * 市州 or one of their 县区 in the list above; undefined when it is.
 */
export function checkJurisdictionRegion(code: string): string | undefined {
  return regionNames.has(code) ? undefined : regionMessages.jurisdiction(code);
}
