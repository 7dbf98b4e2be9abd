import { describe, expect, it } from 'vitest';
import { computeDirectReport } from '../../../../config/src/direct-report/reference.ts';
import { enterprise, login, OCTOBER, scenario } from './scenario.ts';

const codes = (n: number, prefix = 'E') => Array.from({ length: n }, (_, i) => `${prefix}${i + 1}`);
const resultOf = (report: ReturnType<typeof computeDirectReport>, code: string) => report.enterprises.find((e) => e.code === code);

describe('the direct-reporting rule (reference implementation)', () => {
  it('counts five enterprises on one IP as direct and six as not (§一: “不超过五个”)', () => {
    const five = computeDirectReport(
      scenario({ enterprises: codes(5).map((c) => enterprise(c)), events: codes(5).map((c, i) => login(c, '10.0.0.1', i)) }),
    );
    expect(five.totals).toMatchObject({ required: 5, loggedIn: 5, initialDirect: 5, finalDirect: 5, initialRate: 100, finalRate: 100 });
    const six = computeDirectReport(
      scenario({ enterprises: codes(6).map((c) => enterprise(c)), events: codes(6).map((c, i) => login(c, '10.0.0.1', i)) }),
    );
    expect(six.totals).toMatchObject({ initialDirect: 0, finalDirect: 0, initialRate: 0 });
    expect(resultOf(six, 'E1')).toMatchObject({ nFirst: 6, reason: 'shared_first_ip' });
    expect(six.sharedIps).toEqual([expect.objectContaining({ ip: '10.0.0.1', enterpriseCount: 6, enterprises: codes(6).sort() })]);
  });

  it('counts two accounts of one enterprise once, and many logins as one (§四 “注意不是五次”)', () => {
    const events = [
      ...codes(5).map((c, i) => login(c, '10.0.0.1', i)),
      login('E1', '10.0.0.1', 10, { account: 'E1-2' }),
      ...Array.from({ length: 20 }, (_, i) => login('E2', '10.0.0.1', 20 + i)),
    ];
    const report = computeDirectReport(scenario({ enterprises: codes(5).map((c) => enterprise(c)), events }));
    expect(report.totals.initialDirect).toBe(5);
    expect(resultOf(report, 'E1')?.nFirst).toBe(5);
  });

  it('never counts admin logins (§八) nor logins outside the window', () => {
    const events = [
      ...codes(5).map((c, i) => login(c, '10.0.0.1', i)),
      login('E6', '10.0.0.1', 5, { accountKind: 'admin', account: 'admin-1' }),
      login('E7', '10.0.0.1', -1),
      login('E8', '10.0.0.1', 60 * 24 * 10 + 1),
    ];
    const report = computeDirectReport(scenario({ enterprises: codes(8).map((c) => enterprise(c)), events }));
    expect(report.totals).toMatchObject({ required: 8, loggedIn: 5, initialDirect: 5 });
    expect(resultOf(report, 'E6')?.reason).toBe('no_login');
    expect(resultOf(report, 'E7')?.reason).toBe('no_login');
  });

  it('counts an enterprise outside the rated categories on the IP, though it is not rated itself', () => {
    const enterprises = [...codes(5).map((c) => enterprise(c)), enterprise('S1', { category: 'construction' })];
    const report = computeDirectReport(scenario({ enterprises, events: [...codes(5), 'S1'].map((c, i) => login(c, '10.0.0.1', i)) }));
    expect(report.totals).toMatchObject({ required: 5, initialDirect: 0 });
    expect(report.categories.map((c) => c.category)).toEqual(['industry', 'trade', 'real_estate']);
  });

  it('treats a delegated enterprise as direct and leaves it out of every IP count (§七)', () => {
    const delegation = { enterpriseCode: 'E6', from: new Date('2026-01-01'), to: null };
    const delegations = [delegation];
    const report = computeDirectReport(
      scenario({ enterprises: codes(6).map((c) => enterprise(c)), delegations, events: codes(6).map((c, i) => login(c, '10.0.0.1', i)) }),
    );
    expect(report.totals.initialDirect).toBe(6);
    expect(resultOf(report, 'E6')).toMatchObject({ delegated: true, reason: 'delegated' });
    expect(resultOf(report, 'E1')?.nFirst).toBe(5);
    const expired = computeDirectReport(
      scenario({
        enterprises: codes(6).map((c) => enterprise(c)),
        delegations: [{ ...delegation, to: OCTOBER.opensAt }],
        events: codes(6).map((c, i) => login(c, '10.0.0.1', i)),
      }),
    );
    expect(expired.totals.initialDirect).toBe(0);
  });

  it('treats a delegation that starts or ends inside the window as in force for the whole period', () => {
    const inside = new Date(OCTOBER.opensAt.getTime() + 3 * 86_400_000);
    const at = (delegation: { from: Date; to: Date | null }) =>
      computeDirectReport(
        scenario({
          enterprises: codes(6).map((c) => enterprise(c)),
          delegations: [{ enterpriseCode: 'E6', ...delegation }],
          events: codes(6).map((c, i) => login(c, '10.0.0.1', i)),
        }),
      );
    // Starting on the window's third day, before E6's login or after it: E6 is delegated all period.
    expect(resultOf(at({ from: inside, to: null }), 'E6')?.reason).toBe('delegated');
    expect(resultOf(at({ from: new Date('2026-01-01'), to: inside }), 'E6')?.reason).toBe('delegated');
    // Ending exactly when the window opens, or starting exactly when it closes, it never overlaps.
    expect(resultOf(at({ from: new Date('2026-01-01'), to: OCTOBER.opensAt }), 'E6')?.reason).toBe('shared_first_ip');
    expect(resultOf(at({ from: OCTOBER.closesAt, to: null }), 'E6')?.reason).toBe('shared_first_ip');
  });

  it('reads a township office logging in with six accounts at the end as “operated by others” (§五)', () => {
    const enterprises = codes(6).map((c) => enterprise(c));
    const events = [...codes(6).map((c, i) => login(c, `10.1.0.${i + 1}`, i)), ...codes(6).map((c, i) => login(c, '10.9.9.9', 1000 + i))];
    const report = computeDirectReport(scenario({ enterprises, events }));
    expect(report.totals).toMatchObject({ initialRate: 100, finalRate: 0 });
    expect(resultOf(report, 'E1')).toMatchObject({ firstIp: '10.1.0.1', lastIp: '10.9.9.9', reason: 'shared_last_ip' });
    expect(report.cities[0]?.flags).toEqual(['operated_by_others']);
    expect(report.cities[0]?.counties[0]?.flags).toEqual(['operated_by_others']);
  });

  it('reads central operation followed by own reporting as “allocated” (§五)', () => {
    const enterprises = codes(6).map((c) => enterprise(c));
    const events = [...codes(6).map((c, i) => login(c, '10.9.9.9', i)), ...codes(6).map((c, i) => login(c, `10.1.0.${i + 1}`, 1000 + i))];
    const report = computeDirectReport(scenario({ enterprises, events }));
    expect(report.totals).toMatchObject({ initialRate: 0, finalRate: 100 });
    expect(report.cities[0]?.flags).toEqual(['allocated']);
  });

  it('breaks ties of time by arrival order', () => {
    const at = 30;
    const events = [login('E1', '10.0.0.1', at), login('E1', '10.0.0.2', at)];
    const report = computeDirectReport(scenario({ enterprises: [enterprise('E1')], events }));
    expect(resultOf(report, 'E1')).toMatchObject({ firstIp: '10.0.0.1', lastIp: '10.0.0.2' });
  });

  it('counts only first (last) logins per IP in the `rank` scope', () => {
    // Six enterprises touch one IP, but only E1 logs in there first.
    const enterprises = codes(6).map((c) => enterprise(c));
    const events = [
      login('E1', '10.0.0.1', 0),
      ...codes(6)
        .slice(1)
        .map((c, i) => login(c, `10.1.0.${i}`, 1 + i)),
      ...codes(6)
        .slice(1)
        .map((c, i) => login(c, '10.0.0.1', 100 + i)),
    ];
    expect(computeDirectReport(scenario({ enterprises, events })).totals).toMatchObject({ initialDirect: 5, finalDirect: 0 });
    const rank = computeDirectReport(scenario({ enterprises, events, parameters: { ipCountScope: 'rank' } }));
    // All six end on 10.0.0.1, so the final rate falls in both scopes.
    expect(rank.totals).toMatchObject({ initialDirect: 6, finalDirect: 0 });
    expect(resultOf(rank, 'E1')?.nFirst).toBe(1);
  });

  it('honours another threshold', () => {
    const report = computeDirectReport(
      scenario({
        enterprises: codes(3).map((c) => enterprise(c)),
        events: codes(3).map((c, i) => login(c, '10.0.0.1', i)),
        parameters: { threshold: 2 },
      }),
    );
    expect(report.totals.initialDirect).toBe(0);
  });

  it('answers an empty required set with null rates, not a division error', () => {
    const report = computeDirectReport(
      scenario({ enterprises: [enterprise('X', { active: false })], events: [login('X', '10.0.0.1', 0)] }),
    );
    expect(report.totals).toEqual({ required: 0, loggedIn: 0, initialDirect: 0, finalDirect: 0, initialRate: null, finalRate: null });
    expect(report.cities).toEqual([]);
  });

  it('rates with two decimals, half up', () => {
    const enterprises = codes(3).map((c) => enterprise(c));
    const report = computeDirectReport(scenario({ enterprises, events: [login('E1', '10.0.0.1', 0), login('E2', '10.0.0.2', 0)] }));
    expect(report.totals.initialRate).toBe(66.67);
  });
});
