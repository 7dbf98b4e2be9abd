-- Each batch of logins leaves its summary here, one row per (period, enterprise, IP, account) it
-- saw, and the summaries take these rows in large sorted steps (services/summaries.ts, foldStaged)
-- instead of every batch merging into them. In the order a platform sends logins (time order) a
-- batch of 5 000 touches about 5 000 enterprises, and merging each at once cost 23 µs of
-- PostgreSQL per event; a step of a few hundred thousand logins merges each enterprise once (the
-- ingestion target, docs/benchmarks.md). No key and no index: a batch only appends, a step reads
-- the whole table and empties it. Logged like the events, so a crash loses nothing a batch
-- acknowledged.
create table if not exists dr_period_staged (
  period_code text collate "C" not null,
  enterprise_code text collate "C" not null,
  ip text collate "C" not null,
  account text collate "C" not null,
  -- The group's earliest and latest login (time, then arrival order: direct-report-rule.md §2) as
  -- text that sorts so byte by byte: instant, arrival number, IP (services/fold.ts, loginKey).
  first_key text collate "C" not null,
  last_key text collate "C" not null
);
-- Emptied by TRUNCATE at every step: vacuuming it would only read rows about to go.
alter table dr_period_staged set (autovacuum_enabled = false);
-- Room on each page for a row's next version, so that a step's update of an enterprise's first
-- or last login stays on its page and adds no index entry (a heap-only update).
alter table dr_period_logins set (fillfactor = 60);
alter table dr_period_ip_accounts set (fillfactor = 60);
