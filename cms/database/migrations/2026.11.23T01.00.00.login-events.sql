-- Login records of the data collection platform (millions of rows): a plain table, not a content
-- type (DESIGN.md). Range-partitioned by month of the login so that a period's report reads only
-- its window's partitions; the enterprise code leads every key so that a national deployment can
-- distribute the table on Citus by enterprise without a redesign. Partitions are created by the
-- ingestion service as months arrive.
create sequence if not exists dr_login_events_seq;
create table if not exists dr_login_events (
  enterprise_code text not null,
  at timestamptz not null,
  event_key text not null,
  -- Arrival order: breaks ties between logins at the same instant (direct-report-rule.md §2).
  seq bigint not null default nextval('dr_login_events_seq'),
  account text not null,
  account_kind text not null check (account_kind in ('enterprise', 'admin')),
  ip text not null,
  primary key (enterprise_code, at, event_key)
) partition by range (at);
create index if not exists dr_login_events_window on dr_login_events (at) include (enterprise_code, account_kind, ip, seq);
