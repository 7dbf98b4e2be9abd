/**
 * A login event as dr_login_events stores it (migration 2026.11.23T01.00.00): what ingestion
 * parses (parse-events.ts), the write path stores (store-events.ts) and fold.ts summarises.
 */
export interface StoredEvent {
  enterprise_code: string;
  /** ISO 8601 instant. */
  at: string;
  event_key: string;
  account: string;
  account_kind: string;
  ip: string;
}

/** A generated login (config's synthetic data and reference rule) as a stored row: the demo seed and tests write them. */
export const storedEventOf = (
  login: { enterpriseCode: string; at: Date; account: string; accountKind: string; ip: string },
  eventKey: string,
): StoredEvent => ({
  enterprise_code: login.enterpriseCode,
  at: login.at.toISOString(),
  event_key: eventKey,
  account: login.account,
  account_kind: login.accountKind,
  ip: login.ip,
});

/** The stored columns, in the order the write path sends them. */
export const STORED_EVENT_COLUMNS = [
  'enterprise_code',
  'at',
  'event_key',
  'account',
  'account_kind',
  'ip',
] as const satisfies ReadonlyArray<keyof StoredEvent>;
