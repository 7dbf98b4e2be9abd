import { describe, expect, it } from 'vitest';
import { checkRegion, regionName } from '../../../../config/src/direct-report/sichuan.ts';

describe('naming a region by its GB/T 2260 code', () => {
  it('names a 县区 with its 市州 first, as the agency form offers it', () => {
    expect(regionName('510104')).toBe('成都市 锦江区');
    expect(regionName('513401')).toBe('凉山彝族自治州 西昌市');
  });

  it('names a 市州 alone', () => {
    expect(regionName('510100')).toBe('成都市');
  });

  it('knows no name for a code outside the list', () => {
    expect(regionName('110101')).toBeUndefined();
  });
});

describe('checking a 市州 and 县区 pair against the list', () => {
  it('accepts a county listed under its city', () => {
    expect(checkRegion('510100', '510104')).toBeUndefined();
  });

  it('refuses a county code the list does not have', () => {
    expect(checkRegion('510100', '519999')).toEqual({ field: 'countyCode', message: '县区代码 519999 不在行政区划代码表（GB/T 2260）中' });
  });

  it('refuses a county of another city, naming both', () => {
    expect(checkRegion('510100', '510302')).toEqual({
      field: 'countyCode',
      message: '县区代码 510302（自贡市 自流井区）不属于市州 510100（成都市）',
    });
  });

  it('refuses a city code the list does not have', () => {
    expect(checkRegion('519900', '510104')).toEqual({ field: 'cityCode', message: '市州代码 519900 不在行政区划代码表（GB/T 2260）中' });
  });
});
