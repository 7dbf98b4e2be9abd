-- One institution per 统一社会信用代码 (GB 32100 gives each organisation one code), unless the
-- earlier registration was refused (不通过): then the institution may register again. The
-- submission service checks it under an advisory lock and answers a field error; this index is
-- the rule concurrent registrations meet. A database that already holds live duplicates (made
-- before the rule) keeps them and is left without the index (a migration runs once; see
-- docs/operations.md to add it after refusing the extras): the service refuses new duplicates either way.
create table if not exists institutions (id serial primary key, credit_code varchar(255), status varchar(255));
alter table institutions add column if not exists credit_code varchar(255);
alter table institutions add column if not exists status varchar(255);
do $$
begin
  if not exists (
    select 1 from institutions where status is distinct from 'rejected' group by credit_code having count(*) > 1
  ) then
    create unique index if not exists institutions_active_credit_code_unique on institutions (credit_code)
      where status is distinct from 'rejected';
  end if;
end
$$;
