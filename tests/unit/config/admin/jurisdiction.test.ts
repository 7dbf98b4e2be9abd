import { describe, expect, it } from 'vitest';
import { agencyFilterOf, coversCounty, jurisdictionLevel } from '../../../../config/src/admin/jurisdiction.ts';

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
});
