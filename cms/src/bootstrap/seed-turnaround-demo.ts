import { addDays, monthsBefore, shanghaiDate } from '@statdesk/config';
import type { Core } from '@strapi/strapi';
import { tableOf } from '../lib/records';
import { serviceOf } from '../lib/services';

/** Decided demo applications per month before the current one (most recent first): two months pass five. */
const DECIDED_PER_MONTH = [6, 5, 3, 6] as const;

/** A moment of a demo day, in Beijing. */
const at = (date: string, hour: number) => `${date}T${String(hour).padStart(2, '0')}:00:00+08:00`;

/**
 * Rewrites a demo record's history onto past days: the services stamp "now", but the public
 * turnaround (/stats) counts days between events, so the demo spreads its decisions over months.
 * The submission comes the day before the upload; the decision last, on `decidedOn`; any step in
 * between (a 退回修改 and its correction) falls evenly between the two.
 */
async function backdate(strapi: Core.Strapi, no: string, uploadedOn: string, decidedOn: string): Promise<void> {
  const knex = strapi.db.connection;
  const events = (await knex('review_events').where({ record_no: no }).orderBy('id').select('id')) as Array<{ id: number }>;
  const start = Date.parse(at(uploadedOn, 9));
  const end = Date.parse(at(decidedOn, 10));
  const steps = events.length - 1;
  for (const [i, event] of events.entries()) {
    const moment = i === 0 ? Date.parse(at(addDays(uploadedOn, -1), 15)) : start + ((end - start) * (i - 1)) / Math.max(1, steps - 1);
    await knex('review_events')
      .where({ id: event.id })
      .update({ at: new Date(moment) });
  }
  await knex(tableOf(strapi, 'data-application'))
    .where({ record_no: no })
    .update({ created_at: new Date(Date.parse(at(addDays(uploadedOn, -1), 15))), reviewed_at: new Date(end) });
}

/**
 * Data applications decided over the last four months, so that a fresh `npm start` shows real
 * figures on 审核时长统计 (/stats) and the 同类申请 sentence on /query. Through the same services
 * as the review desk; one is returned and corrected before its approval, one in three refused.
 */
export async function seedTurnaroundDemo(
  strapi: Core.Strapi,
  application: (n: number) => Record<string, unknown>,
  actor: string,
): Promise<void> {
  const submit = serviceOf(strapi, 'plugin::review-desk.submit');
  const review = serviceOf(strapi, 'plugin::review-desk.review');
  const thisMonth = `${shanghaiDate(new Date()).slice(0, 7)}-01`;
  let n = 0;
  for (const [back, count] of DECIDED_PER_MONTH.entries()) {
    const month = monthsBefore(thisMonth, back + 1);
    for (let i = 0; i < count; i++) {
      const { applicationNo: no } = await submit.create('data-application', application(++n));
      await review.transition(no, { action: 'upload', actor });
      if (n === 2) {
        await review.transition(no, { action: 'return', actor, reason: '研究方法描述过简，请补充模型设定后重新提交' });
        await review.transition(no, { action: 'resubmit', actor });
        await review.transition(no, { action: 'upload', actor });
      }
      const refused = n % 3 === 0;
      await review.transition(no, {
        action: refused ? 'reject' : 'approve',
        actor,
        ...(refused && { reason: '申请数据超出研究目的所需范围' }),
      });
      const decidedOn = addDays(month, 3 + i * 4);
      await backdate(strapi, no, addDays(decidedOn, -(3 + ((i * 5 + back * 3) % 12))), decidedOn);
    }
  }
}
