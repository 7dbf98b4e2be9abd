import { describe, expect, it } from 'vitest';
import {
  checkJurisdictionRegion,
  checkRegion,
  checkRegionFilter,
  parseSichuanList,
  regionName,
  sichuanRegions,
} from '../../../../config/src/direct-report/sichuan.ts';

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

describe('the whole of Sichuan from the Ministry of Civil Affairs’ list', () => {
  const counties = sichuanRegions.flatMap((city) => city.counties.map(([code, name]) => ({ city: city.code, code, name })));

  it('has the 21 市州 with every county-level division of each', () => {
    expect(Object.fromEntries(sichuanRegions.map((city) => [city.name, city.counties.length]))).toEqual({
      成都市: 20,
      自贡市: 6,
      攀枝花市: 5,
      泸州市: 7,
      德阳市: 6,
      绵阳市: 9,
      广元市: 7,
      遂宁市: 5,
      内江市: 5,
      乐山市: 11,
      南充市: 9,
      眉山市: 6,
      宜宾市: 10,
      广安市: 6,
      达州市: 7,
      雅安市: 8,
      巴中市: 5,
      资阳市: 3,
      阿坝藏族羌族自治州: 13,
      甘孜藏族自治州: 18,
      凉山彝族自治州: 17,
    });
  });

  it('counts 183 divisions: 55 districts, 19 county-level cities, 105 counties and 4 autonomous counties', () => {
    // The first suffix that matches: 自治县 before 县.
    const suffixes: Array<[string, string]> = [
      ['自治县', '自治县'],
      ['县', '县'],
      ['区', '市辖区'],
      ['市', '县级市'],
    ];
    const kindOf = (name: string) => suffixes.find(([suffix]) => name.endsWith(suffix))?.[1] ?? name;
    const kinds = new Map<string, number>();
    for (const { name } of counties) kinds.set(kindOf(name), (kinds.get(kindOf(name)) ?? 0) + 1);
    expect(counties).toHaveLength(183);
    expect(Object.fromEntries(kinds)).toEqual({ 市辖区: 55, 县级市: 19, 县: 105, 自治县: 4 });
  });

  it('gives every code once, each county under the 市州 of its first four digits, and no 市辖区 placeholder', () => {
    const codes = [...sichuanRegions.map((city) => city.code), ...counties.map((county) => county.code)];
    expect(new Set(codes).size).toBe(codes.length);
    expect(codes.every((code) => /^51\d{4}$/.test(code))).toBe(true);
    expect(counties.filter((county) => county.code.slice(0, 4) !== county.city.slice(0, 4))).toEqual([]);
    expect(counties.filter((county) => county.name === '市辖区' || county.code.endsWith('00'))).toEqual([]);
  });

  it('lets every county of 成都市 register, 新都区 and 都江堰市 among them', () => {
    expect(checkRegion('510100', '510114')).toBeUndefined();
    expect(regionName('510114')).toBe('成都市 新都区');
    expect(regionName('510115')).toBe('成都市 温江区');
    expect(regionName('510117')).toBe('成都市 郫都区');
    expect(regionName('510181')).toBe('成都市 都江堰市');
    expect(regionName('510185')).toBe('成都市 简阳市');
    expect(regionName('513437')).toBe('凉山彝族自治州 雷波县');
  });

  it('holds current divisions only: 会理市 (since 2021) not 会理县, and no 成都东部新区 (a functional zone, not in GB/T 2260)', () => {
    expect(regionName('513402')).toBe('凉山彝族自治州 会理市');
    expect(regionName('513425')).toBeUndefined();
    expect(counties.filter((county) => county.name.includes('新区'))).toEqual([]);
  });

  it('refuses a data file with a county whose 市州 is missing', () => {
    expect(() => parseSichuanList('510000 四川省\n510100 成都市\n510302 自流井区')).toThrow('County 510302 (自流井区) has no 市州');
  });
});

describe('checking a bureau account’s 辖区 against the list', () => {
  it('accepts the province, a 市州 and a county that the old list lacked', () => {
    expect(['510000', '510100', '510114'].map(checkJurisdictionRegion)).toEqual([undefined, undefined, undefined]);
    expect(regionName('510000')).toBe('四川省');
  });

  it('refuses a code outside Sichuan, a 市辖区 placeholder and a mistyped county', () => {
    expect(checkJurisdictionRegion('110101')).toBe('辖区代码 110101 不是四川省或其市州、县区的行政区划代码（GB/T 2260）');
    expect(checkJurisdictionRegion('510101')).toBe('辖区代码 510101 不是四川省或其市州、县区的行政区划代码（GB/T 2260）');
    expect(checkJurisdictionRegion('510199')).toBe('辖区代码 510199 不是四川省或其市州、县区的行政区划代码（GB/T 2260）');
  });
});

describe('checking the report’s region filter against the list', () => {
  it('lets either part be absent and accepts a county of its city', () => {
    expect(checkRegionFilter(undefined, undefined)).toBeUndefined();
    expect(checkRegionFilter('510100', undefined)).toBeUndefined();
    expect(checkRegionFilter(undefined, '510181')).toBeUndefined();
    expect(checkRegionFilter('510100', '510181')).toBeUndefined();
  });

  it('names the parameter of an unknown code or of a county of another city', () => {
    expect(checkRegionFilter('519900', undefined)).toEqual({ field: 'city', message: '市州代码 519900 不在行政区划代码表（GB/T 2260）中' });
    expect(checkRegionFilter(undefined, '510101')).toEqual({
      field: 'county',
      message: '县区代码 510101 不在行政区划代码表（GB/T 2260）中',
    });
    expect(checkRegionFilter('510300', '510105')).toEqual({
      field: 'county',
      message: '县区代码 510105（成都市 青羊区）不属于市州 510300（自贡市）',
    });
  });
});
