import { describe, expect, it } from 'vitest';
import { checkAgencyDecision, decisionsByLevel, isAgencyPilot, refusingLevel } from '../../../../config/src/workflow/agency.ts';

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

describe('after a refusal and between the levels (seeds/004 §七)', () => {
  const event = (action: string, fromStatus: string | null, actor = '某人', reason: string | null = null) => ({
    action,
    fromStatus,
    actor,
    reason,
    at: '2026-12-01T08:00:00.000Z',
  });

  it('sends a resubmission back to the level that refused', () => {
    expect(refusingLevel([event('submit', null), event('county_approve', 'county_review'), event('reject', 'city_review')])).toBe('city');
    expect(refusingLevel([event('submit', null), event('reject', 'county_review')])).toBe('county');
  });

  it('knows no refusing level once the registration was resubmitted', () => {
    expect(refusingLevel([event('submit', null), event('reject', 'county_review'), event('resubmit', 'rejected')])).toBeUndefined();
  });

  it('gives each level’s last decision, who and why, county first', () => {
    const events = [
      event('submit', null),
      event('county_approve', 'county_review', '县区甲'),
      event('reject', 'city_review', '市州乙', '委托书未盖章'),
      event('resubmit', 'rejected'),
      event('city_approve', 'city_review', '市州乙'),
    ];
    expect(
      decisionsByLevel(events).map(({ levelLabel, actionLabel, actor, reason }) => ({ levelLabel, actionLabel, actor, reason })),
    ).toEqual([
      { levelLabel: '县区统计局', actionLabel: '县区审核通过', actor: '县区甲', reason: null },
      { levelLabel: '市州统计局', actionLabel: '市州审批通过', actor: '市州乙', reason: null },
    ]);
  });

  it('takes agencies only in a pilot: a 县区, its 市州 or the province', () => {
    expect(isAgencyPilot(['510107'], '510107')).toBe(true);
    expect(isAgencyPilot(['510100'], '510114')).toBe(true);
    expect(isAgencyPilot(['510000'], '513401')).toBe(true);
    expect(isAgencyPilot(['510100', '510302'], '510303')).toBe(false);
    expect(isAgencyPilot([], '510104')).toBe(false);
  });
});
