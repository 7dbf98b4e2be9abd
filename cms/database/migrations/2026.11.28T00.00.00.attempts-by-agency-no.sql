-- The agency status look-up is limited per registration number as the query page is per phone.
alter table query_failures drop constraint if exists query_failures_scope_check;
alter table query_failures add constraint query_failures_scope_check check (scope in ('phone', 'address', 'id_number', 'agency_no'));
