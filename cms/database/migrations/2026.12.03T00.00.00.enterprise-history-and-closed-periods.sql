-- The master data's history and closed (收口) periods: a period's report uses each enterprise as it
-- was at the end of the period's window, and a closed period's report reads what was stored when
-- it closed, so neither moves when the master data changes later (docs/direct-report.md, "收口").
--
-- Strapi runs this before it creates the content-type tables (see 2026.12.02T01.00.00), so the
-- trigger is created on the bare `enterprises` table and the back-fill waits for its columns.

-- Each version of an enterprise's master data, in force from `valid_from` until `valid_to`
-- (exclusive; open when null). An enterprise's first version counts from -infinity: the
-- platform's master data predates StatDesk, so a newly synchronised enterprise is taken as always
-- having been what it is; a later change takes effect when it is made.
create table if not exists enterprise_versions (
  code text not null,
  name text not null,
  city_code text not null,
  city_name text not null,
  county_code text not null,
  county_name text not null,
  category text not null,
  active boolean not null,
  valid_from timestamptz not null,
  valid_to timestamptz,
  primary key (code, valid_from)
);
create index if not exists enterprise_versions_current on enterprise_versions (code) where valid_to is null;
create index if not exists enterprise_versions_code_c on enterprise_versions (code collate "C");

create table if not exists enterprises (id serial primary key, code varchar(255));

-- Row by row: a bulk upsert that changes nothing the rule reads (Strapi's updated_at) adds no version.
create or replace function statdesk_enterprise_version() returns trigger language plpgsql as $$
begin
  if tg_op = 'UPDATE' and (old.code, old.name, old.city_code, old.city_name, old.county_code, old.county_name, old.category, old.active)
    is not distinct from (new.code, new.name, new.city_code, new.city_name, new.county_code, new.county_name, new.category, new.active) then
    return null;
  end if;
  if tg_op in ('UPDATE', 'DELETE') then
    update enterprise_versions set valid_to = now() where code = old.code and valid_to is null;
  end if;
  -- A row without a code, region or category is in no report; a missing name is kept as ''
  -- (Strapi requires them in the admin, but a row written with SQL may lack them).
  if tg_op in ('INSERT', 'UPDATE') and new.code is not null and new.city_code is not null and new.county_code is not null
    and new.category is not null then
    -- Twice in one transaction (one now()): the second change replaces the first's version.
    insert into enterprise_versions as v
      (code, name, city_code, city_name, county_code, county_name, category, active, valid_from, valid_to)
    values (new.code, coalesce(new.name, ''), new.city_code, coalesce(new.city_name, ''), new.county_code, coalesce(new.county_name, ''),
      new.category, coalesce(new.active, true),
      case when exists (select 1 from enterprise_versions where code = new.code) then now() else '-infinity' end, null)
    on conflict (code, valid_from) do update set name = excluded.name, city_code = excluded.city_code, city_name = excluded.city_name,
      county_code = excluded.county_code, county_name = excluded.county_name, category = excluded.category, active = excluded.active,
      valid_to = null;
  end if;
  return null;
end $$;
drop trigger if exists enterprises_versions on enterprises;
create trigger enterprises_versions after insert or update or delete on enterprises
  for each row execute function statdesk_enterprise_version();

do $$ begin
  if exists (select 1 from information_schema.columns where table_name = 'enterprises' and column_name = 'city_code') then
    insert into enterprise_versions (code, name, city_code, city_name, county_code, county_name, category, active, valid_from)
    select code, coalesce(name, ''), city_code, coalesce(city_name, ''), county_code, coalesce(county_name, ''), category,
      coalesce(active, true), '-infinity'
    from enterprises where code is not null and city_code is not null and county_code is not null and category is not null
    on conflict do nothing;
  end if;
end $$;

-- A closed period: when, by whom, and the parameters its stored results were computed with.
create table if not exists dr_closed_periods (
  period_code text primary key,
  closed_at timestamptz not null default now(),
  closed_by text not null,
  parameters jsonb not null
);
-- Every required enterprise's result as it stood at closing (rule steps 4–5 with the explanation).
create table if not exists dr_closed_results (
  period_code text not null references dr_closed_periods on delete cascade,
  code text not null,
  name text not null,
  city_code text not null,
  city_name text not null,
  county_code text not null,
  county_name text not null,
  category text not null,
  first_ip text,
  last_ip text,
  n_first int,
  n_last int,
  delegated boolean not null,
  initially_direct boolean not null,
  finally_direct boolean not null,
  reason text not null,
  primary key (period_code, code)
);
create index if not exists dr_closed_results_code_c on dr_closed_results (period_code, code collate "C");
-- The logins behind each shared IP at closing, with each enterprise's region then (a 市州 or 县区
-- bureau reads only its own enterprises and accounts of an IP).
create table if not exists dr_closed_ip_accounts (
  period_code text not null references dr_closed_periods on delete cascade,
  ip text not null,
  enterprise_code text not null,
  account text not null,
  city_code text,
  county_code text,
  first_seen timestamptz not null,
  last_seen timestamptz not null,
  primary key (period_code, ip, enterprise_code, account)
);
-- Every closing and re-opening, kept after a re-opening deletes what was stored.
create table if not exists dr_period_closings (
  id bigserial primary key,
  period_code text not null,
  action text not null check (action in ('close', 'reopen')),
  actor text not null,
  reason text,
  at timestamptz not null default now()
);
create index if not exists dr_period_closings_period on dr_period_closings (period_code, at);
