-- Gap-free record numbers (JG-2026-000123): one row per prefix and year, incremented inside the
-- submission's transaction, so a rolled-back submission gives its number back and concurrent
-- submissions queue on the row lock.
create table if not exists record_counters (
  prefix text not null,
  year integer not null,
  last_value integer not null,
  primary key (prefix, year)
);
