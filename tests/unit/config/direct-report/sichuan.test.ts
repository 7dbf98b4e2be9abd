import { describe, expect, it } from 'vitest';
import { regionName } from '../../../../config/src/direct-report/sichuan.ts';

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
