-- How a stamped form's QR code read on upload (matched, unreadable, legacy: config/src/form-code.ts);
-- empty on forms uploaded before the code was read. Strapi runs migrations before it creates the
-- content-type tables, so the table is made sure of first (Strapi's sync adds the other columns).
create table if not exists stamped_forms (id serial primary key, qr_status varchar(255));
alter table stamped_forms add column if not exists qr_status varchar(255);
