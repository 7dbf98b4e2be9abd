/**
 * One batch of stored login events summarised per period before it reaches PostgreSQL: each
 * enterprise's first and last login and each (IP, enterprise, account) first and last seen (the
 * (IP, enterprise) pairs follow in the upsert from the new ones). The summaries' upsert then
 * merges a few hundred rows instead of running five thousand events through sorts and aggregates
 * (the ingestion target, docs/benchmarks.md: the SQL fold spent half of PostgreSQL's time there).
 * What the upsert does with them is in store-events.ts.
 */
import type { StoredEvent } from './stored-event';

/** A summary's window in epoch milliseconds (fractional when the bound has microseconds). */
export interface FoldWindow {
  period: string;
  opens: number;
  closes: number;
}

interface Login {
  at: number;
  seq: number;
  row: number;
}

/** Rule step 2: earlier means earlier in time, then in arrival order. */
const earlier = (a: Login, b: Login) => a.at < b.at || (a.at === b.at && a.seq < b.seq);

/** Each summary table's rows as columns, a line per row (the upsert's string_to_array). */
export interface FoldedBatch {
  logins: string[];
  ipAccounts: string[];
}

/** Rows of `width` values as `width` texts, one per column, a line per row. */
function asColumns(records: string[][], width: number): string[] {
  const columns = Array.from({ length: width }, () => [] as string[]);
  for (const record of records) for (let i = 0; i < width; i++) columns[i]?.push(record[i] as string);
  return columns.map((column) => column.join('\n'));
}

interface Seen {
  first: number;
  last: number;
  firstAt: string;
  lastAt: string;
}

/** One window's summary of the batch, keyed by the rows' own strings: no key is built per event. */
interface WindowFold {
  window: FoldWindow;
  logins: Map<string, { first: Login; last: Login }>;
  /** enterprise → IP → account → first and last seen. */
  accounts: Map<string, Map<string, Map<string, Seen>>>;
}

function entry<K, V>(map: Map<K, V>, key: K, make: () => V): V {
  const known = map.get(key);
  if (known !== undefined) return known;
  const made = make();
  map.set(key, made);
  return made;
}

/**
 * Summarises the rows at `stored` (the batch's rows that were new) for every window they fall in.
 * Only enterprise-kind logins count (rule step 1: an administrator's login is not the enterprise's).
 */
export function foldBatch(rows: StoredEvent[], seq: string[], stored: Iterable<number>, windows: FoldWindow[]): FoldedBatch {
  const folds: WindowFold[] = windows.map((window) => ({ window, logins: new Map(), accounts: new Map() }));
  for (const index of stored) {
    const row = rows[index] as StoredEvent;
    if (row.account_kind !== 'enterprise') continue;
    const at = Date.parse(row.at);
    const login: Login = { at, seq: Number(seq[index]), row: index };
    for (const { window, logins, accounts } of folds) {
      if (at < window.opens || at >= window.closes) continue;
      const known = logins.get(row.enterprise_code);
      if (!known) logins.set(row.enterprise_code, { first: login, last: login });
      else {
        if (earlier(login, known.first)) known.first = login;
        if (earlier(known.last, login)) known.last = login;
      }
      const byAccount = entry(
        entry(accounts, row.enterprise_code, () => new Map()),
        row.ip,
        () => new Map<string, Seen>(),
      );
      const seen = byAccount.get(row.account);
      if (!seen) byAccount.set(row.account, { first: at, last: at, firstAt: row.at, lastAt: row.at });
      else if (at < seen.first) {
        seen.first = at;
        seen.firstAt = row.at;
      } else if (at > seen.last) {
        seen.last = at;
        seen.lastAt = row.at;
      }
    }
  }
  const loginRows: string[][] = [];
  const accountRows: string[][] = [];
  for (const { window, logins, accounts } of folds) {
    for (const [code, { first, last }] of logins) {
      const [from, to] = [rows[first.row] as StoredEvent, rows[last.row] as StoredEvent];
      loginRows.push([window.period, code, from.at, seq[first.row] as string, from.ip, to.at, seq[last.row] as string, to.ip]);
    }
    for (const [code, byIp] of accounts)
      for (const [ip, byAccount] of byIp)
        for (const [account, { firstAt, lastAt }] of byAccount) accountRows.push([window.period, ip, code, account, firstAt, lastAt]);
  }
  return { logins: asColumns(loginRows, 8), ipAccounts: asColumns(accountRows, 6) };
}
