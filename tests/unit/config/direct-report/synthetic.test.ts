import { describe, expect, it } from 'vitest';
import { computeDirectReport } from '../../../../config/src/direct-report/reference.ts';
import { checkRegion } from '../../../../config/src/direct-report/sichuan.ts';
import { generateDataset, syntheticCreditCode } from '../../../../config/src/direct-report/synthetic.ts';
import { defaultRuleParameters } from '../../../../config/src/direct-report/types.ts';
import { isCreditCode, parseCreditCode } from '../../../../config/src/validators/credit-code.ts';
import { isIsoDateTime } from '../../../../config/src/validators/date.ts';
import { OCTOBER } from './scenario.ts';

const dataset = (seed: number) => generateDataset({ seed, enterprises: 2000, events: 12000, period: OCTOBER });

describe('the synthetic direct-reporting dataset', () => {
  it('is the same for the same seed and different for another', () => {
    const a = [...dataset(7).events()].slice(0, 50);
    expect([...dataset(7).events()].slice(0, 50)).toEqual(a);
    expect([...dataset(8).events()].slice(0, 50)).not.toEqual(a);
  });

  it('gives enterprises valid GB 32100 credit codes across all 21 市州 of Sichuan', () => {
    const { enterprises } = dataset(1);
    expect(enterprises.every((e) => parseCreditCode(e.code).ok)).toBe(true);
    expect(new Set(enterprises.map((e) => e.code)).size).toBe(enterprises.length);
    expect(new Set(enterprises.map((e) => e.cityCode)).size).toBe(21);
    expect(parseCreditCode(syntheticCreditCode('510104', 0)).ok).toBe(true);
  });

  it('writes only what the direct-reporting API accepts: listed regions, valid codes, instants that exist', () => {
    const data = dataset(2);
    expect(data.enterprises.filter((e) => checkRegion(e.cityCode, e.countyCode) !== undefined)).toEqual([]);
    // As the benchmark's generator writes them: JSON lines.
    const refused = [...data.events()]
      .map((e) => JSON.parse(JSON.stringify(e)) as { enterpriseCode: string; at: string })
      .filter((e) => !isCreditCode(e.enterpriseCode) || !isIsoDateTime(e.at));
    expect(refused).toEqual([]);
  });

  it('produces the patterns the report must explain: shared IPs, both anomalies, delegations, admin logins', () => {
    const data = dataset(3);
    const events = [...data.events()].map((e, i) => ({ ...e, seq: i + 1 }));
    expect(events.length).toBeGreaterThan(8000);
    expect(events.some((e) => e.accountKind === 'admin')).toBe(true);
    const report = computeDirectReport({
      period: OCTOBER,
      enterprises: data.enterprises,
      delegations: data.delegations,
      events,
      parameters: defaultRuleParameters(),
    });
    const reasons = new Set(report.enterprises.map((e) => e.reason));
    expect([...reasons].sort()).toEqual(['delegated', 'direct', 'no_login', 'shared_first_ip', 'shared_last_ip']);
    expect(report.sharedIps.length).toBeGreaterThan(10);
    expect(report.totals.initialRate).toBeGreaterThan(50);
    expect(report.totals.initialRate).toBeLessThan(95);
  });
});
