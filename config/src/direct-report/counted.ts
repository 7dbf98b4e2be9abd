/**
 * A report from counts: the rates, flags and ordering of direct-report-rule.md "What a report
 * shows", shared by the reference (which counts its results in memory) and the SQL implementation
 * (which counts them in PostgreSQL and fetches only the page of enterprises it shows).
 */
import { flagsOf, withRates } from './rates.ts';
import {
  type Category,
  type Counts,
  categories,
  categoryLabels,
  type DirectReport,
  type EnterpriseResult,
  type ReportingPeriod,
  type RuleParameters,
  type SharedIp,
} from './types.ts';

export interface CountedRegion {
  code: string;
  name: string;
  counts: Counts;
}

export interface CountedReport {
  period: ReportingPeriod;
  parameters: RuleParameters;
  totals: Counts;
  /** Every 市州 with a required enterprise, each with its 县区 that have one. */
  cities: Array<CountedRegion & { counties: CountedRegion[] }>;
  categories: Array<{ category: Category; counts: Counts }>;
  sharedIps: SharedIp[];
  enterprises: EnterpriseResult[];
}

const NONE: Counts = { required: 0, loggedIn: 0, initialDirect: 0, finalDirect: 0 };

/** Codes in code-unit order, as PostgreSQL's "C" collation sorts them. */
export const byCode = <T extends { code: string }>(a: T, b: T) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);

export function reportFromCounts(counted: CountedReport): DirectReport {
  const { period, parameters } = counted;
  const region = ({ code, name, counts }: CountedRegion) => ({
    code,
    name,
    ...withRates(counts),
    flags: flagsOf(counts, parameters.anomalyDelta),
  });
  const byCategory = new Map(counted.categories.map((c) => [c.category, c.counts]));
  const inScope = parameters.scope[period.type] ?? [];
  return {
    period: { code: period.code, type: period.type, opensAt: period.opensAt, closesAt: period.closesAt },
    parameters,
    totals: withRates(counted.totals),
    cities: counted.cities.map((city) => ({ ...region(city), counties: city.counties.map(region).sort(byCode) })).sort(byCode),
    // Every category the period rates, even one without enterprises (its rate is null).
    categories: categories
      .filter((c) => inScope.includes(c))
      .map((category) => ({ category, label: categoryLabels[category], ...withRates(byCategory.get(category) ?? NONE) })),
    sharedIps: counted.sharedIps,
    enterprises: counted.enterprises,
  };
}
