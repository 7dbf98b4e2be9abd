import { z } from 'zod';

/** Enterprise categories of the rate (seeds/004 §三). */
export const categories = ['industry', 'trade', 'real_estate', 'construction'] as const;
export type Category = (typeof categories)[number];
export const categoryLabels: Record<Category, string> = {
  industry: '规模以上工业',
  trade: '贸经（批发零售住宿餐饮）',
  real_estate: '房地产开发',
  construction: '建筑业',
};

/** The enterprise master data's columns as bureau staff read them (the admin's list and edit views). */
export const enterpriseFieldLabels = {
  id: 'ID',
  code: '统一社会信用代码',
  name: '单位名称',
  cityCode: '市州代码',
  cityName: '市州',
  countyCode: '县区代码',
  countyName: '县区',
  category: '专业',
  active: '在用',
} as const;

export const periodTypes = ['monthly', 'quarterly'] as const;
export type PeriodType = (typeof periodTypes)[number];

/** The rule's parameters (direct-report-rule.md "Parameters"), with their defaults. */
export const ruleParametersSchema = z.object({
  /** More than this many enterprises on one IP disqualifies all of them. */
  threshold: z.number().int().positive().default(5).describe('More than this many enterprises on one IP disqualifies all of them.'),
  /** `period`: n(ip) counts enterprises with any login from ip; `rank`: only those whose first (last) login was from it. */
  ipCountScope: z.enum(['period', 'rank']).default('period').describe('How n(ip) counts enterprises.'),
  /** Percentage points between the two rates that raise a flag. */
  anomalyDelta: z.number().nonnegative().default(5).describe('Percentage points between the two rates that raise a flag.'),
  /** Categories rated per period type (seeds/004 §三: monthly three, quarterly adds construction). */
  scope: z
    .record(z.enum(periodTypes), z.array(z.enum(categories)))
    .default({ monthly: ['industry', 'trade', 'real_estate'], quarterly: ['industry', 'trade', 'real_estate', 'construction'] })
    .describe('Categories rated per period type.'),
});
export type RuleParameters = z.infer<typeof ruleParametersSchema>;
export const defaultRuleParameters = (): RuleParameters => ruleParametersSchema.parse({});

export interface ReportingPeriod {
  code: string;
  type: PeriodType;
  /** Window start, inclusive. */
  opensAt: Date;
  /** Window end, exclusive. */
  closesAt: Date;
}

export interface Enterprise {
  code: string;
  name: string;
  cityCode: string;
  cityName: string;
  countyCode: string;
  countyName: string;
  category: Category;
  active: boolean;
}

/** An approved agent delegation (seeds/004 §七), in force from `from` until `to` (exclusive, open when null). */
export interface Delegation {
  enterpriseCode: string;
  from: Date;
  to: Date | null;
}

export const accountKinds = ['enterprise', 'admin'] as const;
export type AccountKind = (typeof accountKinds)[number];

export interface LoginEvent {
  /** Arrival order: breaks ties between logins at the same instant. */
  seq: number;
  account: string;
  enterpriseCode: string;
  accountKind: AccountKind;
  /** Canonical text form (see canonicalIp). */
  ip: string;
  at: Date;
}

export const reasons = ['direct', 'no_login', 'delegated', 'shared_first_ip', 'shared_last_ip'] as const;
export type Reason = (typeof reasons)[number];
export const reasonLabels: Record<Reason, string> = {
  direct: '直报',
  no_login: '本网报期未登录平台',
  delegated: '统计代理机构代报（算直报）',
  shared_first_ip: '首次登录IP上超过阈值的企业',
  shared_last_ip: '末次登录IP上超过阈值的企业',
};

/** One enterprise's result and why (direct-report-rule.md "Per enterprise"). */
export interface EnterpriseResult {
  code: string;
  name: string;
  cityCode: string;
  countyCode: string;
  category: Category;
  firstIp: string | null;
  lastIp: string | null;
  /** The n that decided the initial result (n(first) in `period` scope). */
  nFirst: number | null;
  nLast: number | null;
  delegated: boolean;
  initiallyDirect: boolean;
  finallyDirect: boolean;
  reason: Reason;
}

export interface Counts {
  required: number;
  loggedIn: number;
  initialDirect: number;
  finalDirect: number;
}

export const flags = ['operated_by_others', 'allocated'] as const;
export type Flag = (typeof flags)[number];
/** The source's reading of each anomaly (seeds/004 §五). */
export const flagLabels: Record<Flag, string> = {
  operated_by_others: '疑似企业直报数据被他人以企业账号登录操作',
  allocated: '疑似分配数据',
};

export interface Rates extends Counts {
  /** Percent with two decimals; null when nothing is required. */
  initialRate: number | null;
  finalRate: number | null;
}

export interface RegionRates extends Rates {
  code: string;
  name: string;
  flags: Flag[];
}

export interface SharedIp {
  ip: string;
  /** Distinct non-delegated enterprises seen on it (the n of the rule's `period` scope). */
  enterpriseCount: number;
  enterprises: string[];
  accounts: string[];
  firstSeen: Date;
  lastSeen: Date;
}

export interface DirectReport {
  period: { code: string; type: PeriodType; opensAt: Date; closesAt: Date };
  parameters: RuleParameters;
  totals: Rates;
  cities: Array<RegionRates & { counties: RegionRates[] }>;
  categories: Array<Rates & { category: Category; label: string }>;
  sharedIps: SharedIp[];
  enterprises: EnterpriseResult[];
}
