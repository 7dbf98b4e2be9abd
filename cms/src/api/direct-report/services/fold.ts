/**
 * One batch of stored login events summarised per period before it reaches PostgreSQL: for every
 * (enterprise, IP, account) the batch saw inside a window, its earliest and latest login. Both
 * summaries follow from these rows (summaries.ts, foldStaged): an enterprise's first login is the
 * earliest of its rows' and comes with that row's IP, and an (IP, enterprise, account)'s first and
 * last seen are its row's. A batch stores a few hundred rows instead of five thousand events (the
 * ingestion target, docs/benchmarks.md). Where the rows go is in store-events.ts.
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

/** The staged rows' columns (migration 2026.12.03T14.00.00), in order. */
export const STAGED_COLUMNS = ['period_code', 'enterprise_code', 'ip', 'account', 'first_key', 'last_key'] as const;

/**
 * The layout of a login key: the instant in ISO_INSTANT_CHARS (toISOString, years 0000–9999), then
 * the arrival number in SEQ_DIGITS (a bigint has at most 19), then the IP. summaries.ts reads the
 * parts back by these positions; parse-events.ts refuses an instant of another length.
 */
export const LOGIN_KEY = { ISO_INSTANT_CHARS: 24, SEQ_DIGITS: 20 } as const;

/**
 * A login as text that sorts byte by byte as rule step 2 orders logins (time, then arrival order),
 * with its IP after: the instant as toISOString writes it (always 24 characters for the years
 * ingestion takes, parse-events.ts), the arrival number zero-padded, the IP. A step takes an
 * enterprise's first and last login with min() and max() of these in one hash aggregate instead
 * of sorting every staged row twice (summaries.ts).
 */
export const loginKey = (at: string, seq: string, ip: string): string => `${at}${seq.padStart(LOGIN_KEY.SEQ_DIGITS, '0')}${ip}`;

/** The batch's staged rows as one text per column of STAGED_COLUMNS, a line per row (the insert's string_to_array). */
export type FoldedBatch = string[];

interface Seen {
  first: Login;
  last: Login;
}

/** One window's summary of the batch: enterprise → IP → account → earliest and latest login, keyed by the rows' own strings. */
interface WindowFold {
  window: FoldWindow;
  seen: Map<string, Map<string, Map<string, Seen>>>;
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
  const folds: WindowFold[] = windows.map((window) => ({ window, seen: new Map() }));
  for (const index of stored) {
    const row = rows[index] as StoredEvent;
    if (row.account_kind !== 'enterprise') continue;
    const at = Date.parse(row.at);
    const login: Login = { at, seq: Number(seq[index]), row: index };
    for (const { window, seen } of folds) {
      if (at < window.opens || at >= window.closes) continue;
      const byAccount = entry(
        entry(seen, row.enterprise_code, () => new Map()),
        row.ip,
        () => new Map<string, Seen>(),
      );
      const known = byAccount.get(row.account);
      if (!known) byAccount.set(row.account, { first: login, last: login });
      else {
        if (earlier(login, known.first)) known.first = login;
        if (earlier(known.last, login)) known.last = login;
      }
    }
  }
  const columns: string[][] = STAGED_COLUMNS.map(() => []);
  const push = (...values: string[]) => {
    for (let i = 0; i < values.length; i++) columns[i]?.push(values[i] as string);
  };
  for (const { window, seen } of folds)
    for (const [code, byIp] of seen)
      for (const [ip, byAccount] of byIp)
        for (const [account, { first, last }] of byAccount) {
          const [from, to] = [rows[first.row] as StoredEvent, rows[last.row] as StoredEvent];
          push(
            window.period,
            code,
            ip,
            account,
            loginKey(from.at, seq[first.row] as string, ip),
            loginKey(to.at, seq[last.row] as string, ip),
          );
        }
  return columns.map((column) => column.join('\n'));
}
