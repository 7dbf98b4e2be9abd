-- A batch's arrival numbers are one block of the sequence, taken with a single nextval, not 5 000
-- values sent back and sorted (services/summaries.ts, reserveArrivalOrder; the ingestion target,
-- docs/benchmarks.md). Every number handed out from here is above the ones already stored.
alter sequence dr_login_events_seq increment by 10000;
