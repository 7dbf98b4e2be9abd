-- The summary rows no longer reference dr_period_summaries. Each row a batch inserted ran the
-- foreign-key trigger's look-up: 15 of the 93 ms PostgreSQL spent on a batch of 5 000 events
-- (the ingestion target, docs/benchmarks.md). Only services/summaries.ts writes these tables, and
-- it deletes a period's rows itself (deleteSummary), under the lock that keeps batches out.
alter table dr_period_logins drop constraint if exists dr_period_logins_period_code_fkey;
alter table dr_period_ip_accounts drop constraint if exists dr_period_ip_accounts_period_code_fkey;
alter table dr_period_ip_enterprises drop constraint if exists dr_period_ip_enterprises_period_code_fkey;
alter table dr_period_ips drop constraint if exists dr_period_ips_period_code_fkey;
-- Summaries of periods deleted before this migration were removed by the cascade; nothing is
-- orphaned here.
