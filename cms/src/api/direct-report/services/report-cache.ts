/**
 * Reports kept per instance while nothing they read has changed. Every change to what a report
 * reads bumps one version in the same transaction (migration 2026.12.03T01.00.00), so a reader
 * asks PostgreSQL for that version (one row sum, well under a millisecond) and is served the
 * report computed at that version, if this instance has it, instead of re-deriving 100 000
 * enterprises' statuses from the summaries. Every instance checks the same version, so two
 * instances never disagree for longer than a request.
 */
import type { Knex } from 'knex';

/** Reports of one version kept at most: pages, filters and scopes of the reports being read. */
const KEPT = 64;

/** The version of everything a report reads; it grows with every committed change. */
export async function reportDataVersion(knex: Knex): Promise<string> {
  const { rows } = (await knex.raw('select sum(version)::text as version from dr_report_versions')) as { rows: Array<{ version: string }> };
  return rows[0]?.version ?? '0';
}

export interface ReportCache {
  /**
   * The answer of `compute` for `key` at the data's current version: computed once per version
   * (callers asking at once share one computation). The version is read before computing, so an
   * answer is never kept under a version older than what it missed: a change committed meanwhile
   * moves the version past it, and the next reader computes again.
   */
  get<T>(key: unknown, compute: () => Promise<T>): Promise<T>;
}

export function reportCache(knex: Knex, kept = KEPT): ReportCache {
  let version: bigint | undefined;
  // Insertion order is use order (an entry read is moved to the end): the first is the least used.
  const answers = new Map<string, Promise<unknown>>();
  return {
    async get<T>(key: unknown, compute: () => Promise<T>): Promise<T> {
      const now = BigInt(await reportDataVersion(knex));
      // A reader whose version query answered after a newer one's computes alone: it keeps nothing.
      if (version !== undefined && now < version) return compute();
      if (now !== version) {
        answers.clear();
        version = now;
      }
      const id = JSON.stringify(key);
      let answer = answers.get(id) as Promise<T> | undefined;
      if (answer) answers.delete(id);
      else {
        answer = compute();
        // A failure is not kept: the next reader tries again.
        answer.catch(() => answers.get(id) === answer && answers.delete(id));
      }
      answers.set(id, answer);
      if (answers.size > kept) answers.delete(answers.keys().next().value as string);
      return answer;
    },
  };
}

const caches = new WeakMap<Knex, ReportCache>();

/** This instance's cache of the reports of a database. */
export function reportCacheOf(knex: Knex): ReportCache {
  const known = caches.get(knex);
  if (known) return known;
  const made = reportCache(knex);
  caches.set(knex, made);
  return made;
}
