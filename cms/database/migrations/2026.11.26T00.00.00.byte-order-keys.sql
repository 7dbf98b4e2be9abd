-- The login events' and summaries' text keys compare byte by byte (collation "C"). Under the
-- database's default collation every B-tree step and sort of ingestion went through strcoll():
-- folding a batch of 5 000 events took 185 ms, 127 ms with "C" (the ingestion target,
-- docs/benchmarks.md). The order is the one the reference implementation uses (code units; codes,
-- IPs and accounts are compared, never shown sorted by locale), so no report changes.
alter table dr_login_events
  alter column enterprise_code type text collate "C",
  alter column event_key type text collate "C";
alter table dr_period_summaries alter column period_code type text collate "C";
alter table dr_period_logins
  alter column period_code type text collate "C",
  alter column enterprise_code type text collate "C";
alter table dr_period_ip_accounts
  alter column period_code type text collate "C",
  alter column ip type text collate "C",
  alter column enterprise_code type text collate "C",
  alter column account type text collate "C";
alter table dr_period_ip_enterprises
  alter column period_code type text collate "C",
  alter column ip type text collate "C",
  alter column enterprise_code type text collate "C";
alter table dr_period_ips
  alter column period_code type text collate "C",
  alter column ip type text collate "C";
