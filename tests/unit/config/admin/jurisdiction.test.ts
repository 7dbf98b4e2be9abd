import { describe, expect, it } from 'vitest';
import {
  agencyFilterOf,
  coversCounty,
  filterWithinScope,
  jurisdictionLevel,
  reportScopeOf,
} from '../../../../config/src/admin/jurisdiction.ts';

describe('a bureau user’s jurisdiction (GB/T 2260)', () => {
  it('reads the level from the trailing zeros of the region code', () => {
    expect(jurisdictionLevel('510000')).toBe('province');
    expect(jurisdictionLevel('510100')).toBe('city');
    expect(jurisdictionLevel('511000')).toBe('city');
    expect(jurisdictionLevel('510107')).toBe('county');
  });

  it('covers its own county, its city’s counties, or the whole province, and nothing else', () => {
    expect(coversCounty('510107', '510107')).toBe(true);
    expect(coversCounty('510107', '510104')).toBe(false);
    expect(coversCounty('510100', '510104')).toBe(true);
    expect(coversCounty('510100', '510302')).toBe(false);
    expect(coversCounty('511000', '511011')).toBe(true);
    expect(coversCounty('510000', '513433')).toBe(true);
    expect(coversCounty('510000', '500101')).toBe(false);
  });

  it('filters the Content Manager by county or city code, and not at all for the province', () => {
    expect(agencyFilterOf('510107')).toEqual({ countyCode: '510107' });
    expect(agencyFilterOf('510100')).toEqual({ cityCode: '510100' });
    expect(agencyFilterOf('510000')).toBe(true);
  });

  it('scopes the direct-reporting rate to a 县区 with its 市州, a 市州, or nothing for the province', () => {
    expect(reportScopeOf('510104')).toEqual({ city: '510100', county: '510104' });
    expect(reportScopeOf('510100')).toEqual({ city: '510100' });
    expect(reportScopeOf('510000')).toEqual({});
  });

  it('narrows a report filter to the scope and refuses one outside it', () => {
    const county = reportScopeOf('510104');
    const city = reportScopeOf('510100');
    expect(filterWithinScope(county, { city: undefined, reason: 'no_login' })).toEqual({
      city: '510100',
      county: '510104',
      reason: 'no_login',
    });
    expect(filterWithinScope(county, { county: '510105' })).toBeUndefined();
    expect(filterWithinScope(county, { city: '510300' })).toBeUndefined();
    expect(filterWithinScope(city, { county: '510105' })).toEqual({ city: '510100', county: '510105' });
    expect(filterWithinScope(city, { county: '510302' })).toBeUndefined();
    expect(filterWithinScope(city, { city: '510300' })).toBeUndefined();
    expect(filterWithinScope({}, { city: '510300' })).toEqual({ city: '510300', county: undefined });
  });
});
