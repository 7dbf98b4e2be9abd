-- Indexes and the gate's trigger on two content-type tables (enterprises, statisticians), which
-- src/index.ts used to create on every boot.
--
-- Strapi 5 runs these migrations BEFORE it creates or updates the content-type tables
-- (@strapi/database schema.sync: migrations.up(), then syncSchema()). On a fresh database the two
-- tables do not exist yet, so this creates them first with only the columns the indexes and the
-- trigger need, typed as Strapi types them (a string is varchar(255), json is jsonb, the id is
-- serial); Strapi's sync then adds the other columns. On a database the old bootstrap built
-- everything below exists already and nothing changes. Strapi keeps indexes it did not create
-- (schema/diff.ts drops only what its previous schema had), so these survive later syncs.
create table if not exists enterprises (id serial primary key, code varchar(255));
create table if not exists statisticians (id serial primary key, id_number varchar(255), service_units jsonb);

-- Strapi checks `unique` in the application only; the enterprises' bulk upsert (on conflict (code))
-- needs the database to know it.
create unique index if not exists enterprises_code_unique on enterprises (code);
-- A report's page of explanations is in code order under "C" (as the reference sorts): read along
-- this index rather than sorting 100 000 enterprises for 100.
create index if not exists enterprises_code_c on enterprises (code collate "C");
-- One registration per ID number (seeds/004 §十二), and the gate's containment lookup indexed.
create unique index if not exists statisticians_id_number_unique on statisticians (id_number);
create index if not exists statisticians_service_units on statisticians using gin (service_units jsonb_path_ops);

-- The reporting gate's index lives in each instance's memory (api/statistician/services/gate-index.ts):
-- these triggers tell every instance, through NOTIFY on channel statdesk_gate, which service-unit
-- codes a change to statisticians touched (old and new units), once per statement, so a bulk import
-- of 100 000 rows sends one notice. A notice longer than 7000 characters (PostgreSQL's limit is
-- 8000 bytes) sends "*" (re-count all) instead. PostgreSQL allows transition tables on single-event
-- triggers only, hence three triggers.
create or replace function statdesk_gate_notify() returns trigger language plpgsql as $$
declare codes text;
begin
  if tg_op = 'INSERT' then
    select jsonb_agg(distinct code)::text into codes from (
      select unit->>'code' as code from new_rows, jsonb_array_elements(coalesce(new_rows.service_units, '[]')::jsonb) unit
    ) touched;
  elsif tg_op = 'DELETE' then
    select jsonb_agg(distinct code)::text into codes from (
      select unit->>'code' as code from old_rows, jsonb_array_elements(coalesce(old_rows.service_units, '[]')::jsonb) unit
    ) touched;
  else
    select jsonb_agg(distinct code)::text into codes from (
      select unit->>'code' as code from new_rows, jsonb_array_elements(coalesce(new_rows.service_units, '[]')::jsonb) unit
      union
      select unit->>'code' as code from old_rows, jsonb_array_elements(coalesce(old_rows.service_units, '[]')::jsonb) unit
    ) touched;
  end if;
  if codes is not null then
    perform pg_notify('statdesk_gate', case when length(codes) > 7000 then '"*"' else codes end);
  end if;
  return null;
end $$;
drop trigger if exists statisticians_gate_notify on statisticians;
create or replace trigger statisticians_gate_inserted after insert on statisticians
  referencing new table as new_rows for each statement execute function statdesk_gate_notify();
create or replace trigger statisticians_gate_updated after update on statisticians
  referencing old table as old_rows new table as new_rows for each statement execute function statdesk_gate_notify();
create or replace trigger statisticians_gate_deleted after delete on statisticians
  referencing old table as old_rows for each statement execute function statdesk_gate_notify();
