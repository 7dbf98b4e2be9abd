-- Staff sign-ins (POST /admin/login) count their failures per e-mail address here too, so the
-- limit holds across instances (cms/src/middlewares/admin-sign-in-limit.ts).
alter table query_failures drop constraint if exists query_failures_scope_check;
alter table query_failures add constraint query_failures_scope_check
  check (scope in ('phone', 'address', 'id_number', 'agency_no', 'reset_request', 'admin_email'));
