/**
 * The bureau's known operator addresses (content type 已知操作地址) read into the report: who is
 * behind a shared IP, and per 县区 how many enterprises each kind of operator logged in for
 * (seeds/004 §六 asks the bureaus to act on exactly that).
 */
import {
  type OperatorAddress,
  type OperatorCause,
  operatorLookup,
  type RegionScope,
  type ReportingPeriod,
  type RuleParameters,
  type SharedIp,
} from '@statdesk/config';
import type { Knex } from 'knex';

export interface CauseCount {
  /** A 市州 or a 县区 code. */
  code: string;
  cause: OperatorCause;
  enterprises: number;
}

export const operatorAddresses = (knex: Knex): Promise<OperatorAddress[]> =>
  knex('operator_addresses').select('network', 'label', 'cause').orderBy('network');

/** Each shared IP with the known address it falls in (the most specific one), or null. */
export function labelSharedIps<S extends Pick<SharedIp, 'ip'>>(sharedIps: S[], addresses: OperatorAddress[]) {
  const lookup = operatorLookup(addresses);
  return sharedIps.map((shared) => ({ ...shared, operator: lookup(shared.ip) }));
}

/**
 * Per 县区 and cause, the required enterprises whose account was used from a known address during
 * the period, and the same per 市州. An IP inside two ranges counts for the most specific one, as
 * operatorLookup decides. It reads the period's summary (dr_period_ips), which the report built.
 */
export async function causeCounts(
  knex: Knex,
  { period, parameters }: { period: ReportingPeriod; parameters: RuleParameters },
  scope: RegionScope,
): Promise<CauseCount[]> {
  const { rows } = (await knex.raw(
    `with known as (
       select distinct on (i.ip) i.ip, o.cause from dr_period_ips i
       join operator_addresses o on i.ip::inet <<= o.network::inet
       where i.period_code = :code
       order by i.ip, masklen(o.network::inet) desc
     ), counted as (
       select e.city_code, e.county_code, k.cause, count(distinct e.code)::int as enterprises
       from known k
       join dr_period_ip_enterprises p on p.period_code = :code and p.ip = k.ip
       join enterprises e on e.code = p.enterprise_code
       where e.active and e.category = any(:categories::text[])
         and (:scope_city::text is null or e.city_code = :scope_city) and (:scope_county::text is null or e.county_code = :scope_county)
       group by e.city_code, e.county_code, k.cause
     )
     select county_code as code, cause, enterprises from counted
     union all
     select city_code, cause, sum(enterprises)::int from counted group by city_code, cause
     order by code, cause`,
    {
      code: period.code,
      categories: `{${(parameters.scope[period.type] ?? []).join(',')}}`,
      scope_city: scope.city ?? null,
      scope_county: scope.county ?? null,
    },
  )) as { rows: CauseCount[] };
  return rows;
}
