import { computeTurnaround, kindOfRecordNo, MIN_PUBLISHED_GROUP, submissionKinds, TURNAROUND_MONTHS } from '@statdesk/config';
import type { TurnaroundAnswer } from '@statdesk/config/contract';
import type { Core } from '@strapi/strapi';

/** The number prefixes of the microdata kinds as SQL literals (constants of config, never input). */
const PREFIXES = Object.values(submissionKinds)
  .map((kind) => `'${kind.prefix}'`)
  .join(', ');

/**
 * 审核时长 for the public (/stats, /query): read from the review history, computed by config's pure
 * functions. Only the kind, the moment of the first complete submission and of the decision leave
 * the database; groups below MIN_PUBLISHED_GROUP are dropped before the answer is built.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async figures(now = new Date()): Promise<TurnaroundAnswer> {
    // One month more than shown, so a month's first days in Asia/Shanghai are never cut off.
    const since = new Date(now.getTime() - (TURNAROUND_MONTHS + 1) * 31 * 86_400_000);
    const { rows } = (await strapi.db.connection.raw(
      `select record_no,
              min(at) filter (where to_status = 'awaiting_review') as complete_at,
              min(at) filter (where action in ('approve', 'reject')) as decided_at
         from review_events
        where split_part(record_no, '-', 1) in (${PREFIXES})
        group by record_no
       having min(at) filter (where action in ('approve', 'reject')) >= ?
          and min(at) filter (where to_status = 'awaiting_review') is not null`,
      [since],
    )) as { rows: Array<{ record_no: string; complete_at: Date; decided_at: Date }> };
    const decided = rows.flatMap((row) => {
      const kind = kindOfRecordNo(row.record_no);
      return kind ? [{ kind, completeAt: row.complete_at, decidedAt: row.decided_at }] : [];
    });
    return { ...computeTurnaround(decided, now), minimumGroup: MIN_PUBLISHED_GROUP };
  },
});
