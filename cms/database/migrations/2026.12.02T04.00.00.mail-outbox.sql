-- Mail to applicants, written in the same transaction as the change that causes it and sent by
-- the mail worker of any instance (docs/operations.md, "Mail"). A plain table, not a content type:
-- workers claim rows with SELECT … FOR UPDATE SKIP LOCKED, which Strapi's query layer cannot say.
create table if not exists mail_outbox (
  id bigserial primary key,
  record_no text not null,
  -- What caused the message (submitted, approve, return, reject, …), for the desk and for operators.
  kind text not null,
  recipient text not null,
  subject text not null,
  body text not null,
  state text not null default 'pending' check (state in ('pending', 'sent', 'failed')),
  attempts integer not null default 0,
  next_attempt_at timestamptz not null default now(),
  last_error text,
  created_at timestamptz not null default now(),
  sent_at timestamptz
);
-- The worker's question: which pending messages are due, oldest first.
create index if not exists mail_outbox_due on mail_outbox (next_attempt_at, id) where state = 'pending';
create index if not exists mail_outbox_record on mail_outbox (record_no, id);
