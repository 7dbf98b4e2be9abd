import { describe, expect, it } from 'vitest';
import { type OperatorAddress, operatorLookup, parseNetwork } from '../../../../config/src/direct-report/operators.ts';

describe('parseNetwork', () => {
  it.each([
    ['10.1.2.3', '10.1.2.3'],
    [' 10.01.2.3 ', '10.1.2.3'],
    ['10.1.2.0/24', '10.1.2.0/24'],
    ['10.1.2.3/32', '10.1.2.3'],
    ['0.0.0.0/0', '0.0.0.0/0'],
    ['2001:DB8::/32', '2001:db8::/32'],
    ['2001:db8::1/128', '2001:db8::1'],
  ])('writes %s as %s', (input, expected) => {
    expect(parseNetwork(input)).toEqual({ ok: true, value: expected });
  });

  it('refuses what is not an address', () => {
    expect(parseNetwork('10.1.2')).toEqual({ ok: false, message: '应为一个IP地址（如 10.1.2.3）或网段（如 10.1.2.0/24）' });
    expect(parseNetwork('10.1.2.0/24/8').ok).toBe(false);
  });

  it('refuses a prefix longer than the family allows', () => {
    expect(parseNetwork('10.1.2.0/33')).toEqual({ ok: false, message: '网段的前缀长度应为 0 到 32 之间的整数' });
    expect(parseNetwork('2001:db8::/129')).toEqual({ ok: false, message: '网段的前缀长度应为 0 到 128 之间的整数' });
  });

  it('names the start of a range typed from one of its hosts', () => {
    expect(parseNetwork('10.1.2.5/24')).toEqual({
      ok: false,
      message: '网段应从起始地址写起：如指整个网段，请填写 10.1.2.0/24；如只指一个地址，请去掉“/”及其后的数字',
    });
    expect(parseNetwork('2001:db8::1/64')).toMatchObject({ ok: false, message: expect.stringContaining('2001:db8::/64') });
  });
});

describe('operatorLookup', () => {
  const addresses: OperatorAddress[] = [
    { network: '10.20.0.0/16', label: '某市各乡镇统计站', cause: 'township_station' },
    { network: '10.20.5.16/28', label: '某县统计局', cause: 'bureau_office' },
    { network: '192.0.2.7', label: '某代理公司', cause: 'agent_agency' },
    { network: '2001:db8:1::/48', label: '主管部门', cause: 'supervising_department' },
  ];
  const lookup = operatorLookup(addresses);

  it('finds the range an address falls in', () => {
    expect(lookup('10.20.99.1')?.label).toBe('某市各乡镇统计站');
    expect(lookup('2001:db8:1:ffff::9')?.cause).toBe('supervising_department');
  });

  it('prefers the most specific range where two overlap', () => {
    expect(lookup('10.20.5.20')?.label).toBe('某县统计局');
    expect(lookup('10.20.5.32')?.label).toBe('某市各乡镇统计站');
  });

  it('matches a single address only exactly', () => {
    expect(lookup('192.0.2.7')?.label).toBe('某代理公司');
    expect(lookup('192.0.2.8')).toBeNull();
  });

  it('does not match across families or on unknown text', () => {
    expect(lookup('::ffff:a14:101')).toBeNull();
    expect(lookup('not an ip')).toBeNull();
  });
});
