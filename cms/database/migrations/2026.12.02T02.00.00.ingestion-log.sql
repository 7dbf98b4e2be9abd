-- Each login-events request the data collection platform sent: when, which API token, its counts,
-- and how it ended, so that the platform can reconcile what it sent (docs/api.md). The refused
-- lines are kept for 30 days (ingest.ts clears older ones); the counts stay.
create table if not exists dr_ingestions (
  id bigserial primary key,
  token_id integer,
  token_name text,
  started_at timestamptz not null,
  finished_at timestamptz not null default now(),
  outcome text not null check (outcome in ('stored', 'nothing_accepted', 'broken')),
  received integer not null,
  accepted integer not null,
  duplicates integer not null,
  rejected integer not null,
  rejections jsonb
);
create index if not exists dr_ingestions_finished_at on dr_ingestions (finished_at);
