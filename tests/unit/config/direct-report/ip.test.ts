import { describe, expect, it } from 'vitest';
import { canonicalIp } from '../../../../config/src/direct-report/ip.ts';

describe('canonicalIp', () => {
  it.each([
    ['192.168.001.010', '192.168.1.10'],
    ['10.0.0.1', '10.0.0.1'],
    ['255.255.255.255', '255.255.255.255'],
    [' 0.0.0.0 ', '0.0.0.0'],
    ['1.02.3.4', '1.2.3.4'],
    ['2001:DB8:0:0:0:0:0:1', '2001:db8::1'],
    ['2001:db8:0:0:1:0:0:1', '2001:db8::1:0:0:1'],
    ['0:0:0:0:0:0:0:1', '::1'],
    ['::', '::'],
    ['2001:db8:1:2:3:4:0:5', '2001:db8:1:2:3:4:0:5'],
    ['::ffff:10.0.0.1', '::ffff:a00:1'],
  ])('writes %s as %s', (input, expected) => {
    expect(canonicalIp(input)).toBe(expected);
  });

  it.each(['256.1.1.1', '1.2.3.4.5', '1.2.3.-4', '1.2.3', 'example.com', '1::2::3', '12345::1', ''])('refuses %s', (input) => {
    expect(canonicalIp(input)).toBeUndefined();
  });
});
