import { describe, expect, it } from 'vitest';
import { accessRefusal, addDays, hasEnded, shanghaiDate } from '../../../../config/src/workflow/access-period.ts';

describe('the granted access period', () => {
  it('reads today as a date in Beijing, where the day starts eight hours before UTC', () => {
    expect(shanghaiDate(new Date('2026-05-01T15:59:59Z'))).toBe('2026-05-01');
    expect(shanghaiDate(new Date('2026-05-01T16:00:00Z'))).toBe('2026-05-02');
  });

  it('counts calendar days across months and leap days', () => {
    expect(addDays('2026-04-01', 30)).toBe('2026-05-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
  });

  it('ends after its last day, not on it', () => {
    expect(hasEnded('2026-05-01', '2026-05-01')).toBe(false);
    expect(hasEnded('2026-05-01', '2026-05-02')).toBe(true);
    expect(hasEnded(null, '2026-05-02')).toBe(false);
  });

  it('lets outcomes and changes be filed while the period runs', () => {
    expect(accessRefusal({ status: 'approved', accessEnd: '2026-05-01' }, 'outcome', '2026-05-01')).toBeUndefined();
    expect(accessRefusal({ status: 'approved', accessEnd: null }, 'change', '2030-01-01')).toBeUndefined();
  });

  it('refuses filings against an expired application, naming the last day', () => {
    expect(accessRefusal({ status: 'expired', accessEnd: '2026-05-01' }, 'outcome', '2026-06-01')).toBe(
      '该申请的数据使用期限已于 2026-05-01 到期，不能再登记成果',
    );
    // The daily job has not run yet: the filing is refused all the same.
    expect(accessRefusal({ status: 'approved', accessEnd: '2026-05-01' }, 'change', '2026-05-02')).toBe(
      '该申请的数据使用期限已于 2026-05-01 到期，不能再申请变更',
    );
  });

  it('refuses filings against an application whose use was ended (终止使用)', () => {
    expect(accessRefusal({ status: 'revoked', accessEnd: '2027-05-01' }, 'change', '2026-06-01')).toBe(
      '该申请的数据使用已被数据开发中心终止，不能再申请变更',
    );
  });
});
