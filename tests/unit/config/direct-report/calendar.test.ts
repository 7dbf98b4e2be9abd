import { describe, expect, it } from 'vitest';
import {
  batchErrors,
  delegationInputSchema,
  periodInputSchema,
  settingsInputSchema,
  whatIfSchema,
} from '../../../../config/src/direct-report/calendar.ts';
import { computeCreditCodeCheckChar } from '../../../../config/src/validators/credit-code.ts';

const october = { code: '2026-10', type: 'monthly', opensAt: '2026-11-01T00:00:00+08:00', closesAt: '2026-11-11T00:00:00+08:00' };

describe('the calendar the platform sends', () => {
  it('keeps a period’s window as UTC instants', () => {
    expect(periodInputSchema.parse(october)).toEqual({
      code: '2026-10',
      type: 'monthly',
      opensAt: '2026-10-31T16:00:00.000Z',
      closesAt: '2026-11-10T16:00:00.000Z',
    });
  });

  it('refuses a quarter’s code on a monthly period and a month’s on a quarterly one', () => {
    expect(
      batchErrors(
        [
          { ...october, code: '2026-Q4' },
          { ...october, type: 'quarterly' },
        ],
        periodInputSchema,
      ),
    ).toEqual({
      '0.code': '月报的网报期代码应为年-月，如 2026-10',
      '1.code': '季报的网报期代码应为年-Q季度，如 2026-Q3',
    });
  });

  it('refuses a window that closes when or before it opens', () => {
    expect(batchErrors([{ ...october, closesAt: october.opensAt }], periodInputSchema)).toEqual({
      '0.closesAt': '网报结束时间应晚于开始时间',
    });
  });

  it('names the fields it does not know instead of dropping them', () => {
    expect(batchErrors([{ ...october, window: 'all' }], periodInputSchema)).toEqual({ '0': '不认识的字段：window' });
  });
});

describe('the delegations the province lists', () => {
  it('takes an open-ended delegation and refuses one that ends before it starts', () => {
    const body = '91510100MA6123456';
    const from = {
      enterpriseCode: body + computeCreditCodeCheckChar(body),
      agencyName: '代理',
      effectiveFrom: '2026-01-01T00:00:00+08:00',
    };
    expect(delegationInputSchema.parse(from)).toEqual({ ...from, effectiveFrom: '2025-12-31T16:00:00.000Z' });
    expect(batchErrors([{ ...from, effectiveTo: '2025-12-31T00:00:00+08:00' }], delegationInputSchema)).toEqual({
      '0.effectiveTo': '委托结束时间应晚于开始时间',
    });
  });
});

describe('the rule’s settings and a what-if', () => {
  it('wants every parameter when settings are replaced', () => {
    expect(batchErrors([{ threshold: 5 }], settingsInputSchema)).toMatchObject({
      '0.ipCountScope': 'ipCountScope（或 scope）应为 period 或 rank',
      '0.anomalyDelta': 'anomalyDelta 应为 0 到 100 之间的数（百分点）',
    });
  });

  it('reads a what-if from a query string and refuses a threshold that is not a positive integer', () => {
    expect(whatIfSchema.parse({ threshold: '8', scope: 'rank' })).toEqual({ threshold: 8, scope: 'rank' });
    expect(whatIfSchema.parse({})).toEqual({});
    for (const threshold of ['0', '-1', '2.5', 'many']) expect(whatIfSchema.safeParse({ threshold }).success).toBe(false);
  });
});
