import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validDataApplication, validInstitution } from '../support/fixtures.ts';
import { postJson } from '../support/http.ts';
import { review } from '../support/review.ts';
import { bootCms, type TestCms } from '../support/strapi.ts';

type Figures = { kind: string; decided: number; medianDays: number; p90Days: number };
type Turnaround = {
  months: string[];
  recentSince: string;
  minimumGroup: number;
  groups: Array<Figures & { month: string }>;
  recent: Figures[];
};

/**
 * 审核时长 (GET /api/public/turnaround) from decisions made through the review service: the days
 * count from the first upload of the stamped form to 通过 or 不通过, a 退回修改 does not end them,
 * and a kind with fewer than five decisions shows nothing.
 */
describe('the public turnaround of the review desk', () => {
  let cms: TestCms;
  let answer: Turnaround;
  const actor = '测试审核员';

  /** Moves a record's first `action` `weeks` whole weeks back: exactly 5 working days a week, whatever today is. */
  const movedWeeksAgo = (no: string, weeks: number, action = 'upload') =>
    cms.strapi.db.connection.raw(
      `update review_events set at = at - (? * interval '7 days')
        where id = (select min(id) from review_events where record_no = ? and action = ?)`,
      [weeks, no, action],
    );

  const submitted = async (path: string, body: unknown) =>
    (await postJson<{ applicationNo: string }>(cms.url, path, body)).body.applicationNo;

  beforeAll(async () => {
    cms = await bootCms('turnaround');
    const desk = review(cms);
    // Five institutions decided: 5, 5, 10, 10 and 15 working days, one refused, one returned first.
    const institutions: string[] = [];
    for (let i = 0; i < 5; i++) institutions.push(await submitted('/api/public/institutions', validInstitution()));
    for (const no of institutions) await desk.transition(no, { action: 'upload', actor: '申请人' });
    const [first, second, third, fourth, returned] = institutions as [string, string, string, string, string];
    await desk.transition(returned, { action: 'return', actor, reason: '盖章不清晰' });
    await desk.transition(returned, { action: 'resubmit', actor: '申请人' });
    await desk.transition(returned, { action: 'upload', actor: '申请人' });
    for (const [no, weeks] of [
      [first, 1],
      [second, 1],
      [third, 2],
      [fourth, 2],
      [returned, 3],
    ] as const)
      await movedWeeksAgo(no, weeks);
    // Returned two weeks ago: were 退回修改 a decision, this one would have taken 5 days, not 15.
    await movedWeeksAgo(returned, 2, 'return');
    for (const no of [first, second, fourth, returned]) await desk.transition(no, { action: 'approve', actor });
    await desk.transition(third, { action: 'reject', actor, reason: '材料不全' });
    // Four data applications decided: one short of a group that may be shown.
    for (let i = 0; i < 4; i++) {
      const no = await submitted('/api/public/data-applications', validDataApplication(first));
      await desk.transition(no, { action: 'upload', actor: '申请人' });
      await movedWeeksAgo(no, 1);
      await desk.transition(no, { action: 'approve', actor });
    }
    // Waiting for review: no decision, not counted.
    await desk.transition(await submitted('/api/public/data-applications', validDataApplication(first)), {
      action: 'upload',
      actor: '申请人',
    });
    const response = await fetch(`${cms.url}/api/public/turnaround`);
    expect(response.status).toBe(200);
    answer = ((await response.json()) as { data: Turnaround }).data;
  });
  afterAll(async () => {
    await cms?.stop();
  });

  it('counts working days from the first upload to 通过 or 不通过, a 退回修改 not ending them', () => {
    const thisMonth = answer.months.at(-1);
    expect(answer.groups).toEqual([{ kind: 'institution', month: thisMonth, decided: 5, medianDays: 10, p90Days: 15 }]);
    expect(answer.recent).toEqual([{ kind: 'institution', decided: 5, medianDays: 10, p90Days: 15 }]);
  });

  it('shows nothing for the four decided data applications, not even their count', () => {
    expect(answer.groups.filter((g) => g.kind === 'data-application')).toEqual([]);
    expect(answer.recent.filter((r) => r.kind === 'data-application')).toEqual([]);
    expect(answer.minimumGroup).toBe(5);
  });

  it('answers no record number, name, phone or email', () => {
    const text = JSON.stringify(answer);
    expect(text).not.toMatch(/JG-|SY-|北京大学|李四|158|@/);
    expect(Object.keys(answer.groups[0] ?? {}).sort()).toEqual(['decided', 'kind', 'medianDays', 'month', 'p90Days']);
  });
});
