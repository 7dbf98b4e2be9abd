-- Failed query-password attempts, per phone and per client address. In PostgreSQL so that the
-- limit holds across every Strapi instance (DESIGN.md); keys are HMACs, never the phone itself.
create table if not exists query_failures (
  id bigserial primary key,
  scope text not null check (scope in ('phone', 'address')),
  key_hash text not null,
  failed_at timestamptz not null default now()
);
create index if not exists query_failures_key_time on query_failures (scope, key_hash, failed_at);
