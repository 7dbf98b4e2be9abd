-- Per-period summaries of dr_login_events, maintained at ingestion so that a report reads one row
-- per enterprise and one per (IP, enterprise, account) instead of every login (a report in
-- ≤ 0.5 s at 10 M events, docs/benchmarks.md). A summary is built for a period's window; when the
-- window changes the report rebuilds it from the raw events (services/summaries.ts).
create table if not exists dr_period_summaries (
  period_code text primary key,
  opens_at timestamptz not null,
  closes_at timestamptz not null,
  built_at timestamptz not null default now()
);
-- Rule step 2: the earliest and latest enterprise-kind login of each enterprise in the window
-- (time, then arrival order).
create table if not exists dr_period_logins (
  period_code text not null references dr_period_summaries on delete cascade,
  enterprise_code text not null,
  first_at timestamptz not null,
  first_seq bigint not null,
  first_ip text not null,
  last_at timestamptz not null,
  last_seq bigint not null,
  last_ip text not null,
  primary key (period_code, enterprise_code)
);
-- Rule step 3 and the shared-IP table: who logged in from where, with which account, first and last seen.
create table if not exists dr_period_ip_accounts (
  period_code text not null references dr_period_summaries on delete cascade,
  ip text not null,
  enterprise_code text not null,
  account text not null,
  first_seen timestamptz not null,
  last_seen timestamptz not null,
  primary key (period_code, ip, enterprise_code, account)
);
-- Rule step 3 counted as logins arrive: each (IP, enterprise) pair once, and per IP how many
-- enterprises; the report subtracts the few delegated ones, which change without any login.
create table if not exists dr_period_ip_enterprises (
  period_code text not null references dr_period_summaries on delete cascade,
  ip text not null,
  enterprise_code text not null,
  primary key (period_code, ip, enterprise_code)
);
create table if not exists dr_period_ips (
  period_code text not null references dr_period_summaries on delete cascade,
  ip text not null,
  enterprises int not null,
  primary key (period_code, ip)
);
-- Only a summary's rebuild reads the raw events by window now, and it reads a whole monthly
-- partition anyway; the index cost every ingested event a second B-tree insert.
drop index if exists dr_login_events_window;
