import type { RuleInput } from '../../../../config/src/direct-report/reference.ts';
import {
  type Category,
  defaultRuleParameters,
  type Enterprise,
  type LoginEvent,
  type ReportingPeriod,
  type RuleParameters,
} from '../../../../config/src/direct-report/types.ts';

/** October 2026's reporting window, as the platform would set it. */
export const OCTOBER: ReportingPeriod = {
  code: '2026-10',
  type: 'monthly',
  opensAt: new Date('2026-11-01T00:00:00+08:00'),
  closesAt: new Date('2026-11-11T00:00:00+08:00'),
};

export const enterprise = (code: string, overrides: Partial<Enterprise> = {}): Enterprise => ({
  code,
  name: `企业${code}`,
  cityCode: '510100',
  cityName: '成都市',
  countyCode: '510104',
  countyName: '锦江区',
  category: 'industry' as Category,
  active: true,
  ...overrides,
});

let seq = 0;
/** A login `minutes` after the window opens. */
export const login = (enterpriseCode: string, ip: string, minutes: number, overrides: Partial<LoginEvent> = {}): LoginEvent => ({
  seq: ++seq,
  account: `${enterpriseCode}-1`,
  enterpriseCode,
  accountKind: 'enterprise',
  ip,
  at: new Date(OCTOBER.opensAt.getTime() + minutes * 60_000),
  ...overrides,
});

export const scenario = (parts: Partial<Omit<RuleInput, 'parameters'>> & { parameters?: Partial<RuleParameters> }): RuleInput => ({
  period: OCTOBER,
  enterprises: [],
  delegations: [],
  events: [],
  ...parts,
  parameters: { ...defaultRuleParameters(), ...parts.parameters },
});
