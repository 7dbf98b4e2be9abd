import { describe, expect, it } from 'vitest';
import { checkAgencyDecision } from '../../../../config/src/workflow/agency.ts';

describe('the agency approval chain (seeds/004 §七)', () => {
  it('moves county → city → province → confirmed, one level at a time', () => {
    expect(checkAgencyDecision('county_review', 'county', { decision: 'approve' })).toEqual({
      ok: true,
      action: 'county_approve',
      to: 'city_review',
    });
    expect(checkAgencyDecision('city_review', 'city', { decision: 'approve' })).toEqual({
      ok: true,
      action: 'city_approve',
      to: 'province_review',
    });
    expect(checkAgencyDecision('province_review', 'province', { decision: 'approve', effectiveDate: '2026-12-01' })).toEqual({
      ok: true,
      action: 'province_confirm',
      to: 'confirmed',
    });
  });

  it('refuses a level that is not at its step, with the current status in the message', () => {
    expect(checkAgencyDecision('county_review', 'city', { decision: 'approve' })).toEqual({
      ok: false,
      status: 409,
      message: '当前状态为“待县区统计局审核”，市州统计局不能作出决定',
    });
  });

  it('asks the province for a real effective date, and every refusal for a reason', () => {
    expect(checkAgencyDecision('province_review', 'province', { decision: 'approve' })).toMatchObject({
      field: 'effectiveDate',
      message: '请填写委托生效日期',
    });
    for (const effectiveDate of ['2026-02-30', '2026-04-31', '2027-02-29', '2026-13-01', '2026-12-1'])
      expect(checkAgencyDecision('province_review', 'province', { decision: 'approve', effectiveDate }), effectiveDate).toMatchObject({
        field: 'effectiveDate',
        message: '委托生效日期应为有效日期，如 2026-12-01',
      });
    expect(checkAgencyDecision('city_review', 'city', { decision: 'reject', reason: '  ' })).toMatchObject({
      status: 400,
      field: 'reason',
    });
    expect(checkAgencyDecision('city_review', 'city', { decision: 'reject', reason: '委托书未盖章' })).toEqual({
      ok: true,
      action: 'reject',
      to: 'rejected',
    });
  });
});
