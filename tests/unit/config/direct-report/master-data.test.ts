import { describe, expect, it } from 'vitest';
import { type EnterpriseVersion, enterprisesAsOf } from '../../../../config/src/direct-report/master-data.ts';
import { enterprise, OCTOBER } from './scenario.ts';

const HOUR = 3_600_000;
const inWindow = new Date(OCTOBER.opensAt.getTime() + 48 * HOUR);
const afterWindow = new Date(OCTOBER.closesAt.getTime() + HOUR);
const version = (code: string, from: Date | null, to: Date | null, overrides: Partial<EnterpriseVersion> = {}): EnterpriseVersion => ({
  ...enterprise(code),
  validFrom: from,
  validTo: to,
  ...overrides,
});

describe('the master data a period uses', () => {
  it('takes an enterprise that moved county during the window in the county it had when the window ended', () => {
    const moved = [
      version('E1', null, inWindow, { countyCode: '510104', countyName: '锦江区' }),
      version('E1', inWindow, null, { countyCode: '510105', countyName: '青羊区' }),
    ];
    expect(enterprisesAsOf(moved, OCTOBER.closesAt)).toEqual([expect.objectContaining({ code: 'E1', countyCode: '510105' })]);
  });

  it('keeps a past period’s enterprise as it was, though it closed or moved afterwards', () => {
    const closedLater = [version('E1', null, afterWindow), version('E1', afterWindow, null, { active: false })];
    expect(enterprisesAsOf(closedLater, OCTOBER.closesAt)).toEqual([expect.objectContaining({ code: 'E1', active: true })]);
  });

  it('leaves out an enterprise added after the window or removed before it ended', () => {
    const versions = [version('LATE', afterWindow, null), version('GONE', null, inWindow), version('KEPT', null, null)];
    expect(enterprisesAsOf(versions, OCTOBER.closesAt).map((e) => e.code)).toEqual(['KEPT']);
  });

  it('counts a change made exactly when the window closes as after it', () => {
    const versions = [
      version('E1', null, OCTOBER.closesAt, { category: 'industry' }),
      version('E1', OCTOBER.closesAt, null, { category: 'trade' }),
    ];
    expect(enterprisesAsOf(versions, OCTOBER.closesAt)).toEqual([expect.objectContaining({ category: 'industry' })]);
  });
});
