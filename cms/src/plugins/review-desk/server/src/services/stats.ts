import { type SubmissionKindId, submissionKinds, transitions } from '@statdesk/config';
import { decisionVerbs } from '@statdesk/config/contract';
import type { Core } from '@strapi/strapi';
import { tableOf } from '../../../../../lib/records';

const kindIds = Object.keys(submissionKinds) as SubmissionKindId[];
/**
 * The decisions on a waiting record as SQL literals (constants of the contract, never input):
 * 终止使用 ends an approved record months later and is no step of the review queue.
 */
const DECISIONS = decisionVerbs
  .filter((verb) => transitions[verb].from.includes('awaiting_review'))
  .map((verb) => `'${verb}'`)
  .join(', ');

/**
 * Every submission's current status in one relation. Waiting time counts from the moment a record
 * last entered 等待实验室审批 (after the applicant's upload), not from the first submission.
 */
const submissions = (strapi: Core.Strapi) =>
  kindIds.map((id) => `select '${id}' as kind, record_no, status from ${tableOf(strapi, id)}`).join(' union all ');

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** The figures of the admin home widgets. */
  async overview() {
    const knex = strapi.db.connection;
    const waiting = await knex.raw(
      `with s as (${submissions(strapi)}),
       since as (
         select s.kind, s.record_no,
                (select max(e.at) from review_events e where e.record_no = s.record_no and e.to_status = 'awaiting_review') as at
         from s where s.status = 'awaiting_review')
       select kind, count(*)::int as n, min(at) as oldest from since group by kind`,
    );
    const decided = await knex.raw(
      `with d as (
         select e.record_no, e.at,
                (select max(u.at) from review_events u
                  where u.record_no = e.record_no and u.to_status = 'awaiting_review' and u.at <= e.at) as started
         from review_events e where e.action in (${DECISIONS}))
       select
         count(*) filter (where at >= (date_trunc('week', now() at time zone 'Asia/Shanghai') at time zone 'Asia/Shanghai'))::int as this_week,
         percentile_cont(0.5) within group (order by extract(epoch from (at - started)) / 86400)
           filter (where at > now() - interval '90 days' and started is not null) as median_days
       from d`,
    );
    const rows = waiting.rows as Array<{ kind: SubmissionKindId; n: number; oldest: Date | null }>;
    const oldest = rows.map((r) => r.oldest).filter((d): d is Date => d !== null);
    const oldestAt = oldest.length > 0 ? new Date(Math.min(...oldest.map((d) => d.getTime()))) : null;
    const summary = decided.rows[0] as { this_week: number; median_days: number | null };
    return {
      waiting: kindIds.map((kind) => ({
        kind,
        noun: submissionKinds[kind].noun,
        count: rows.find((r) => r.kind === kind)?.n ?? 0,
      })),
      oldestWaitingDays: oldestAt ? Math.floor((Date.now() - oldestAt.getTime()) / 86_400_000) : null,
      oldestWaitingSince: oldestAt?.toISOString() ?? null,
      decisionsThisWeek: summary.this_week,
      medianDaysToDecision: summary.median_days === null ? null : Math.round(Number(summary.median_days) * 10) / 10,
    };
  },
});
