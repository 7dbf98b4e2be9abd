-- The version of everything a direct-reporting report reads: an instance keeps the reports it
-- computed and serves one again only while this version is unchanged (services/report-cache.ts),
-- so that reading a report does not re-derive 100 000 enterprises' statuses when nothing changed.
--
-- Statement-level triggers bump it in the transaction of every change (a batch of logins, a
-- summary rebuilt, master data, delegations, periods, parameters, known operator addresses,
-- closing and re-opening), whichever path made it: the bulk API, the admin, SQL. The version is
-- the sum of 64 counters, and a transaction bumps the one its transaction id picks, so that two
-- batches written side by side seldom wait on the same row; the sum grows with every commit all
-- the same, and a reader sees it move in the same snapshot as the change.
--
-- Strapi runs this before it creates the content-type tables (see 2026.12.02T01.00.00), so those
-- are created bare here and Strapi's sync adds their columns.
create table if not exists dr_report_versions (slot int primary key, version bigint not null default 0);
insert into dr_report_versions (slot) select generate_series(0, 63) on conflict do nothing;

create or replace function statdesk_report_changed() returns trigger language plpgsql as $$
begin
  -- An upsert, so that a counter lost (a table emptied by hand) does not stop the version moving.
  insert into dr_report_versions as v (slot, version) values ((pg_current_xact_id()::text::bigint % 64)::int, 1)
  on conflict (slot) do update set version = v.version + 1;
  return null;
end $$;

create table if not exists reporting_periods (id serial primary key);
create table if not exists direct_report_settings (id serial primary key);
create table if not exists delegations (id serial primary key);
create table if not exists operator_addresses (id serial primary key);
create table if not exists enterprises (id serial primary key, code varchar(255));

do $$
declare
  name text;
begin
  foreach name in array array['dr_login_events', 'dr_period_summaries', 'dr_period_logins', 'dr_period_ip_accounts',
    'dr_period_ip_enterprises', 'dr_period_ips', 'dr_closed_periods', 'dr_closed_results', 'dr_closed_ip_accounts',
    'enterprises', 'enterprise_versions', 'delegations', 'reporting_periods', 'direct_report_settings', 'operator_addresses'] loop
    execute format('create or replace trigger %I after insert or update or delete on %I for each statement execute function statdesk_report_changed()',
      name || '_report_changed', name);
    execute format('create or replace trigger %I after truncate on %I for each statement execute function statdesk_report_changed()',
      name || '_report_truncated', name);
  end loop;
end $$;
