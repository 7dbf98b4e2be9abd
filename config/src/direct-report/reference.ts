/**
 * The direct-reporting rate, read straight off direct-report-rule.md: the oracle the SQL
 * implementation in cms/ must agree with on every input. Written for clarity, not speed.
 */
import { byCode, reportFromCounts } from './counted.ts';
import type {
  Category,
  Counts,
  Delegation,
  DirectReport,
  Enterprise,
  EnterpriseResult,
  LoginEvent,
  Reason,
  ReportingPeriod,
  RuleParameters,
  SharedIp,
} from './types.ts';

export interface RuleInput {
  period: ReportingPeriod;
  enterprises: Enterprise[];
  delegations: Delegation[];
  events: LoginEvent[];
  parameters: RuleParameters;
}

/** "Delegated": an approved delegation in force at any time during the period's window. */
export const isDelegatedDuring = (d: Delegation, period: ReportingPeriod): boolean =>
  d.from < period.closesAt && (d.to === null || d.to > period.opensAt);

const earlier = (a: LoginEvent, b: LoginEvent) => a.at.getTime() - b.at.getTime() || a.seq - b.seq;

export function computeDirectReport(input: RuleInput): DirectReport {
  const { period, parameters } = input;
  const { threshold } = parameters;
  const delegated = new Set(input.delegations.filter((d) => isDelegatedDuring(d, period)).map((d) => d.enterpriseCode));

  // 1. E(P): enterprise-kind logins inside the window, from any enterprise (admin logins never count, §八).
  const inWindow = input.events.filter((e) => e.accountKind === 'enterprise' && e.at >= period.opensAt && e.at < period.closesAt);

  // 2. first(e) and last(e): the IPs of each enterprise's earliest and latest login (ties by arrival).
  const byEnterprise = new Map<string, LoginEvent[]>();
  for (const event of inWindow) byEnterprise.set(event.enterpriseCode, [...(byEnterprise.get(event.enterpriseCode) ?? []), event]);
  const first = new Map<string, string>();
  const last = new Map<string, string>();
  for (const [code, events] of byEnterprise) {
    const sorted = [...events].sort(earlier);
    first.set(code, sorted[0]?.ip ?? '');
    last.set(code, sorted.at(-1)?.ip ?? '');
  }

  // 3. n(ip): distinct non-delegated enterprises on an IP; several accounts of one count once (§四 "不是五次").
  const enterprisesOn = (pairs: Iterable<[string, string]>) => {
    const sets = new Map<string, Set<string>>();
    for (const [code, ip] of pairs) {
      if (delegated.has(code)) continue;
      sets.set(ip, (sets.get(ip) ?? new Set()).add(code));
    }
    return sets;
  };
  const onIp = enterprisesOn(inWindow.map((e) => [e.enterpriseCode, e.ip] as [string, string]));
  const onFirstIp = parameters.ipCountScope === 'period' ? onIp : enterprisesOn(first);
  const onLastIp = parameters.ipCountScope === 'period' ? onIp : enterprisesOn(last);
  const n = (sets: Map<string, Set<string>>, ip: string | undefined) => (ip === undefined ? null : (sets.get(ip)?.size ?? 0));

  // R(P): active enterprises whose category the period's type rates.
  const scope = new Set<Category>(parameters.scope[period.type] ?? []);
  const required = input.enterprises.filter((e) => e.active && scope.has(e.category));

  // 4–5. Initially (finally) direct: required, logged in, and delegated or n(first) (n(last)) ≤ threshold.
  const results: EnterpriseResult[] = required.map((e) => {
    const firstIp = first.get(e.code);
    const lastIp = last.get(e.code);
    const nFirst = n(onFirstIp, firstIp);
    const nLast = n(onLastIp, lastIp);
    const isDelegated = delegated.has(e.code);
    const loggedIn = firstIp !== undefined;
    const initiallyDirect = loggedIn && (isDelegated || (nFirst ?? 0) <= threshold);
    const finallyDirect = loggedIn && (isDelegated || (nLast ?? 0) <= threshold);
    return {
      code: e.code,
      name: e.name,
      cityCode: e.cityCode,
      countyCode: e.countyCode,
      category: e.category,
      firstIp: firstIp ?? null,
      lastIp: lastIp ?? null,
      nFirst,
      nLast,
      delegated: isDelegated,
      initiallyDirect,
      finallyDirect,
      reason: reasonOf(loggedIn, isDelegated, initiallyDirect, finallyDirect),
    };
  });

  return assembleReport(input, required, results, sharedIps(inWindow, delegated, onIp, threshold));
}

/** One reason per enterprise: the first of no login, delegated, shared first IP, shared last IP, direct. */
function reasonOf(loggedIn: boolean, delegated: boolean, initiallyDirect: boolean, finallyDirect: boolean): Reason {
  if (!loggedIn) return 'no_login';
  if (delegated) return 'delegated';
  if (!initiallyDirect) return 'shared_first_ip';
  if (!finallyDirect) return 'shared_last_ip';
  return 'direct';
}

/** Every IP with n(ip) > threshold, its non-delegated enterprises and their accounts, first and last seen. */
function sharedIps(inWindow: LoginEvent[], delegated: Set<string>, onIp: Map<string, Set<string>>, threshold: number): SharedIp[] {
  const shared: SharedIp[] = [];
  for (const [ip, codes] of onIp) {
    if (codes.size <= threshold) continue;
    const events = inWindow.filter((e) => e.ip === ip && !delegated.has(e.enterpriseCode));
    const times = events.map((e) => e.at.getTime());
    shared.push({
      ip,
      enterpriseCount: codes.size,
      enterprises: [...codes].sort(),
      accounts: [...new Set(events.map((e) => e.account))].sort(),
      firstSeen: new Date(Math.min(...times)),
      lastSeen: new Date(Math.max(...times)),
    });
  }
  return shared.sort((a, b) => b.enterpriseCount - a.enterpriseCount || (a.ip < b.ip ? -1 : a.ip > b.ip ? 1 : 0));
}

const countOf = (results: EnterpriseResult[]): Counts => ({
  required: results.length,
  loggedIn: results.filter((r) => r.firstIp !== null).length,
  initialDirect: results.filter((r) => r.initiallyDirect).length,
  finalDirect: results.filter((r) => r.finallyDirect).length,
});

function groupBy<T, K>(items: T[], keyOf: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

/** Totals, regions (市州, then 县区) and categories of the per-enterprise results, counted here. */
export function assembleReport(input: RuleInput, required: Enterprise[], results: EnterpriseResult[], shared: SharedIp[]): DirectReport {
  const cityNames = new Map(required.map((e) => [e.cityCode, e.cityName]));
  const countyNames = new Map(required.map((e) => [e.countyCode, e.countyName]));
  // One pass to group (a filter per region was O(enterprises × regions) at 100 000 enterprises).
  const byCity = groupBy(results, (r) => r.cityCode);
  return reportFromCounts({
    period: input.period,
    parameters: input.parameters,
    totals: countOf(results),
    cities: [...byCity].map(([code, rows]) => ({
      code,
      name: cityNames.get(code) ?? code,
      counts: countOf(rows),
      counties: [...groupBy(rows, (r) => r.countyCode)].map(([county, inCounty]) => ({
        code: county,
        name: countyNames.get(county) ?? county,
        counts: countOf(inCounty),
      })),
    })),
    categories: [...groupBy(results, (r) => r.category)].map(([category, rows]) => ({ category, counts: countOf(rows) })),
    sharedIps: shared,
    enterprises: [...results].sort(byCode),
  });
}
