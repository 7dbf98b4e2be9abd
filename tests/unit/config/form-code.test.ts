import { describe, expect, it } from 'vitest';
import { composeFormCode, parseFormCode } from '../../../config/src/form-code.ts';

describe('the QR code of a printed form', () => {
  it('says the record number and the version of the answers it was printed with', () => {
    expect(composeFormCode({ recordNo: 'JG-2026-000123', version: '1a2b3c4d' })).toBe('JG-2026-000123 v1a2b3c4d');
  });

  it('reads back what it says', () => {
    expect(parseFormCode('JG-2026-000123 v1a2b3c4d')).toEqual({ recordNo: 'JG-2026-000123', version: '1a2b3c4d' });
  });

  it('reads a code printed before versions as the number alone, version unknown', () => {
    expect(parseFormCode('SY-2026-000007')).toEqual({ recordNo: 'SY-2026-000007' });
  });

  it('is not fooled by another QR code on the page', () => {
    expect(parseFormCode('https://example.com/JG-2026-000123')).toBeUndefined();
    expect(parseFormCode('XX-2026-000123 v1a2b3c4d')).toBeUndefined();
    expect(parseFormCode('JG-2026-000123 vZZZZZZZZ')).toBeUndefined();
  });
});
