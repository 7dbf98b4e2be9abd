/**
 * The direct-reporting rule in set-based SQL (direct-report-rule.md). It must give the same report
 * as config/src/direct-report/reference.ts on every input; a property test compares the two.
 * The per-enterprise decisions are computed once into a temporary table, then aggregated.
 */
import {
  assembleReport,
  type Category,
  type DirectReport,
  type Enterprise,
  type EnterpriseResult,
  type Reason,
  type ReportingPeriod,
  type RuleParameters,
  type SharedIp,
} from '@statdesk/config';
import type { Knex } from 'knex';

export interface RuleQuery {
  period: ReportingPeriod;
  parameters: RuleParameters;
}

/** The CTEs of rule steps 1–5, ending in one row per required enterprise. */
function decisionsSql(ipCountScope: RuleParameters['ipCountScope']): string {
  const firstCounts = ipCountScope === 'period' ? 'n_any' : 'n_first';
  const lastCounts = ipCountScope === 'period' ? 'n_any' : 'n_last';
  return `
    with e as materialized (
      select enterprise_code, account, ip, at, seq from dr_login_events
      where account_kind = 'enterprise' and at >= :opens and at < :closes
    ),
    delegated as (
      select distinct enterprise_code from delegations
      where effective_from < :closes and (effective_to is null or effective_to > :opens)
    ),
    firsts as (select distinct on (enterprise_code) enterprise_code, ip from e order by enterprise_code, at, seq),
    lasts as (select distinct on (enterprise_code) enterprise_code, ip from e order by enterprise_code, at desc, seq desc),
    counted as (select enterprise_code, account, ip, at from e where enterprise_code not in (select enterprise_code from delegated)),
    n_any as (select ip, count(distinct enterprise_code)::int as n from counted group by ip),
    n_first as (select ip, count(*)::int as n from firsts where enterprise_code not in (select enterprise_code from delegated) group by ip),
    n_last as (select ip, count(*)::int as n from lasts where enterprise_code not in (select enterprise_code from delegated) group by ip),
    required as (
      select code, name, city_code, city_name, county_code, county_name, category from enterprises
      where active and category = any(:categories::text[])
    ),
    joined as (
      select r.*, f.ip as first_ip, l.ip as last_ip, (d.enterprise_code is not null) as delegated,
        case when f.ip is null then null else coalesce(nf.n, 0) end as n_first,
        case when l.ip is null then null else coalesce(nl.n, 0) end as n_last
      from required r
      left join firsts f on f.enterprise_code = r.code
      left join lasts l on l.enterprise_code = r.code
      left join delegated d on d.enterprise_code = r.code
      left join ${firstCounts} nf on nf.ip = f.ip
      left join ${lastCounts} nl on nl.ip = l.ip
    )
    select *,
      first_ip is not null and (delegated or n_first <= :threshold) as initially_direct,
      last_ip is not null and (delegated or n_last <= :threshold) as finally_direct
    from joined`;
}

const SHARED_IPS_SQL = `
  with counted as (
    select enterprise_code, account, ip, at from dr_login_events
    where account_kind = 'enterprise' and at >= :opens and at < :closes
      and enterprise_code not in (
        select enterprise_code from delegations where effective_from < :closes and (effective_to is null or effective_to > :opens)
      )
  )
  select ip, count(distinct enterprise_code)::int as n,
    array_agg(distinct enterprise_code collate "C" order by enterprise_code collate "C") as enterprises,
    array_agg(distinct account collate "C" order by account collate "C") as accounts,
    min(at) as first_seen, max(at) as last_seen
  from counted group by ip having count(distinct enterprise_code) > :threshold
  order by n desc, ip collate "C"`;

interface SharedRow {
  ip: string;
  n: number;
  enterprises: string[];
  accounts: string[];
  first_seen: Date;
  last_seen: Date;
}

interface DecisionRow {
  code: string;
  name: string;
  city_code: string;
  city_name: string;
  county_code: string;
  county_name: string;
  category: Category;
  first_ip: string | null;
  last_ip: string | null;
  n_first: number | null;
  n_last: number | null;
  delegated: boolean;
  initially_direct: boolean;
  finally_direct: boolean;
}

function reasonOf(row: DecisionRow): Reason {
  if (row.first_ip === null) return 'no_login';
  if (row.delegated) return 'delegated';
  if (!row.initially_direct) return 'shared_first_ip';
  if (!row.finally_direct) return 'shared_last_ip';
  return 'direct';
}

const toResult = (row: DecisionRow): EnterpriseResult => ({
  code: row.code,
  name: row.name,
  cityCode: row.city_code,
  countyCode: row.county_code,
  category: row.category,
  firstIp: row.first_ip,
  lastIp: row.last_ip,
  nFirst: row.n_first,
  nLast: row.n_last,
  delegated: row.delegated,
  initiallyDirect: row.initially_direct,
  finallyDirect: row.finally_direct,
  reason: reasonOf(row),
});

const bindings = ({ period, parameters }: RuleQuery) => ({
  opens: period.opensAt,
  closes: period.closesAt,
  threshold: parameters.threshold,
  // A PostgreSQL array literal: knex would expand a JS array into a list.
  categories: `{${(parameters.scope[period.type] ?? []).join(',')}}`,
});

/** Every required enterprise's result and the shared IPs of a period, straight from PostgreSQL. */
export async function computeReportInSql(knex: Knex, query: RuleQuery): Promise<DirectReport> {
  const { decisions, shared } = await knex.transaction(async (trx) => {
    // The planner cannot estimate the CTEs' sizes (it guesses 200 rows) and picks nested loops
    // between 100 000 enterprises and as many IPs; hash joins and in-memory sorts are right here.
    await trx.raw('set local enable_nestloop = off');
    await trx.raw(`set local work_mem = '128MB'`);
    const sql = `${decisionsSql(query.parameters.ipCountScope)} order by code collate "C"`;
    return {
      decisions: (await trx.raw(sql, bindings(query))).rows as DecisionRow[],
      shared: (await trx.raw(SHARED_IPS_SQL, bindings(query))).rows as SharedRow[],
    };
  });
  const required: Enterprise[] = decisions.map((d) => ({
    code: d.code,
    name: d.name,
    cityCode: d.city_code,
    cityName: d.city_name,
    countyCode: d.county_code,
    countyName: d.county_name,
    category: d.category,
    active: true,
  }));
  const sharedIps: SharedIp[] = shared.map((s) => ({
    ip: s.ip,
    enterpriseCount: s.n,
    enterprises: s.enterprises,
    accounts: s.accounts,
    firstSeen: new Date(s.first_seen),
    lastSeen: new Date(s.last_seen),
  }));
  return assembleReport({ ...query, enterprises: required, delegations: [], events: [] }, required, decisions.map(toResult), sharedIps);
}
