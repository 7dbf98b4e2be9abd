-- /query opens every record of one phone (one applicant, one phone): each query reads the records of
-- that phone in the four kinds that issue query passwords, so the phone columns are indexed.
--
-- As in the content-type-indexes migration, Strapi runs migrations before it creates the
-- content-type tables: on a fresh database each table is created first with only the column the
-- index needs (Strapi types a string as varchar(255)); Strapi's sync then adds the other columns
-- and keeps indexes it did not create.
create table if not exists institutions (id serial primary key, contact_phone varchar(255));
create table if not exists data_applications (id serial primary key, leader_phone varchar(255));
create table if not exists change_applications (id serial primary key, phone varchar(255));
create table if not exists outcomes (id serial primary key, phone varchar(255));
-- Another migration may have created a table first with other columns (institutions: the credit
-- code's), so each column is made sure of too.
alter table institutions add column if not exists contact_phone varchar(255);
alter table data_applications add column if not exists leader_phone varchar(255);
alter table change_applications add column if not exists phone varchar(255);
alter table outcomes add column if not exists phone varchar(255);
create index if not exists institutions_contact_phone on institutions (contact_phone);
create index if not exists data_applications_leader_phone on data_applications (leader_phone);
create index if not exists change_applications_phone on change_applications (phone);
create index if not exists outcomes_phone on outcomes (phone);

-- 忘记查询密码 (mail on): a one-time link to the email on a record. Only the SHA-256 of the link's
-- random token is kept, so a leaked table opens nothing; a token is used once and lasts 30 minutes
-- (the expiry is checked against `created_at` by the service).
create table if not exists query_password_resets (
  token_hash char(64) primary key,
  record_no varchar(255) not null,
  created_at timestamptz not null default now(),
  used_at timestamptz
);
create index if not exists query_password_resets_record on query_password_resets (record_no);

-- Requests for a reset link are limited per record number (each request counts, so nobody can fill
-- an applicant's mailbox) under the same limits as the query password's attempts.
alter table query_failures drop constraint if exists query_failures_scope_check;
alter table query_failures add constraint query_failures_scope_check
  check (scope in ('phone', 'address', 'id_number', 'agency_no', 'reset_request'));
