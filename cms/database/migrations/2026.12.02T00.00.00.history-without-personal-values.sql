-- A review history entry keeps which personal field changed, never its old and new values
-- (cms/src/lib/history.ts writes { "withheld": true } for them since). This strips the values that
-- edits made on a person's behalf stored before. The names are every form's personal fields
-- (config/src/admin/personal-data.ts, plus a registration's gender and birth date, which its ID
-- number encodes); tests/integration/security/review-history.test.ts keeps this list equal to the code's.
-- Strapi runs migrations before it creates content-type tables: on a new database there is nothing to strip.
do $$
declare
  personal text[] := array[
    'applicantIdNumber', 'applicantName', 'birthDate', 'contactEmail', 'contactName', 'contactPhone', 'email', 'gender',
    'idNumber', 'leaderEmail', 'leaderIdNumber', 'leaderName', 'leaderPhone', 'legalRepName', 'name', 'phone'
  ];
begin
  if to_regclass('review_events') is null then
    return;
  end if;
  update review_events e
     set changes = (
       select jsonb_object_agg(c.key, case when c.key = any (personal) then '{"withheld": true}'::jsonb else c.value end)
         from jsonb_each(e.changes::jsonb) c)
   where e.changes is not null
     and jsonb_typeof(e.changes::jsonb) = 'object'
     and exists (select 1 from jsonb_object_keys(e.changes::jsonb) k where k = any (personal));
end
$$;
