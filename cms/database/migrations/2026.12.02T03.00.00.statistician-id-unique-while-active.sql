-- One active registration per ID number (seeds/004 §十二), no longer one for ever: a person the
-- bureau removed (注销) may register again with the same ID, and the removed registration stays,
-- with its number and history. The content type no longer declares idNumber `unique` (Strapi
-- would check it across removed rows too); this partial index is the one rule, and the one
-- concurrent registrations of one ID meet.
create table if not exists statisticians (id serial primary key, id_number varchar(255), status varchar(255));
alter table statisticians add column if not exists status varchar(255);
drop index if exists statisticians_id_number_unique;
create unique index if not exists statisticians_active_id_number_unique on statisticians (id_number) where status = 'active';
-- The look-up finds a person's registrations by ID, active or not.
create index if not exists statisticians_id_number on statisticians (id_number);
