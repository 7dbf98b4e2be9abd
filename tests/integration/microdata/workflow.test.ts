import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validInstitution } from '../support/fixtures.ts';
import { postJson, type Submitted } from '../support/http.ts';
import { review } from '../support/review.ts';
import { bootCms, type TestCms } from '../support/strapi.ts';

type History = { history(no: string): Promise<Array<Record<string, unknown>>> };

describe('the review workflow on real records', () => {
  let cms: TestCms;
  const submit = async () => (await postJson<Submitted>(cms.url, '/api/public/institutions', validInstitution())).body.applicationNo;
  const statusOf = async (no: string) =>
    (await cms.strapi.db.query('api::institution.institution').findOne({ where: { recordNo: no } })).status;
  const attempt = (no: string, action: string, reason?: string) =>
    review(cms)
      .transition(no, { action, actor: '审核员甲 <reviewer@stats.example>', reason })
      .then(
        (result) => ({ ok: true as const, ...result }),
        (error: { status: number; message: string }) => ({ ok: false as const, status: error.status, message: error.message }),
      );

  beforeAll(async () => {
    cms = await bootCms('workflow');
  });
  afterAll(async () => {
    await cms?.stop();
  });

  it('takes a record from upload to approval and keeps every step in the history', async () => {
    const no = await submit();
    expect(await attempt(no, 'upload')).toEqual({ ok: true, from: 'awaiting_upload', to: 'awaiting_review' });
    expect(await attempt(no, 'approve')).toEqual({ ok: true, from: 'awaiting_review', to: 'approved' });
    const row = await cms.strapi.db.query('api::institution.institution').findOne({ where: { recordNo: no } });
    expect(row.reviewedAt).not.toBeNull();
    const history = await (cms.strapi.service('plugin::review-desk.review' as never) as unknown as History).history(no);
    expect(history.map((e) => [e.action, e.from, e.to, e.actor])).toEqual([
      ['submit', null, 'awaiting_upload', '申请人'],
      ['upload', 'awaiting_upload', 'awaiting_review', '审核员甲 <reviewer@stats.example>'],
      ['approve', 'awaiting_review', 'approved', '审核员甲 <reviewer@stats.example>'],
    ]);
  });

  it('returns with a reason, then takes the corrected upload back to review, then rejects with a reason', async () => {
    const no = await submit();
    await attempt(no, 'upload');
    expect(await attempt(no, 'return', '公章不清晰，请重新扫描')).toMatchObject({ ok: true, to: 'returned' });
    expect(await attempt(no, 'upload')).toMatchObject({ ok: true, from: 'returned', to: 'awaiting_review' });
    expect(await attempt(no, 'reject', '机构不符合申请条件')).toMatchObject({ ok: true, to: 'rejected' });
    const row = await cms.strapi.db.query('api::institution.institution').findOne({ where: { recordNo: no } });
    expect(row.reviewReason).toBe('机构不符合申请条件');
  });

  it('refuses to reject or return without a reason, and changes nothing', async () => {
    const no = await submit();
    await attempt(no, 'upload');
    expect(await attempt(no, 'reject', '   ')).toEqual({
      ok: false,
      status: 409,
      message: '请填写理由：退回修改、不通过或终止使用时必须说明原因',
    });
    expect(await attempt(no, 'return')).toMatchObject({ ok: false, status: 409 });
    expect(await statusOf(no)).toBe('awaiting_review');
  });

  it.each([
    ['awaiting_upload', 'approve', '当前状态为“等待上传申请表”，不能执行“通过”'],
    ['awaiting_upload', 'reject', '当前状态为“等待上传申请表”，不能执行“不通过”'],
    ['approved', 'return', '当前状态为“审核通过”，不能执行“退回修改”'],
    ['approved', 'upload', '当前状态为“审核通过”，不能执行“上传盖章申请表”'],
    ['rejected', 'approve', '当前状态为“审核未通过”，不能执行“通过”'],
  ])('refuses from %s the action %s, saying why', async (from, action, message) => {
    const no = await submit();
    if (from !== 'awaiting_upload') await attempt(no, 'upload');
    if (from === 'approved') await attempt(no, 'approve');
    if (from === 'rejected') await attempt(no, 'reject', '不符合条件');
    expect(await attempt(no, action, '理由')).toEqual({ ok: false, status: 409, message });
    expect(await statusOf(no)).toBe(from);
  });

  it('lets only one of two simultaneous decisions through', async () => {
    const no = await submit();
    await attempt(no, 'upload');
    const results = await Promise.all([attempt(no, 'approve'), attempt(no, 'reject', '并发')]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    const events = await cms.strapi.db.query('api::review-event.review-event').count({ where: { recordNo: no } });
    expect(Number(events)).toBe(3);
  });

  it('keeps the review history append-only, even against the Content Manager', async () => {
    const no = await submit();
    const event = await cms.strapi.db.query('api::review-event.review-event').findOne({ where: { recordNo: no } });
    const events = cms.strapi.documents('api::review-event.review-event');
    await expect(events.update({ documentId: event.documentId, data: { reason: '改写' } as never })).rejects.toThrow(
      '审核记录只能追加，不能修改或删除',
    );
    await expect(events.delete({ documentId: event.documentId })).rejects.toThrow('审核记录只能追加，不能修改或删除');
    expect(await cms.strapi.db.query('api::review-event.review-event').count({ where: { recordNo: no } })).toBe(1);
  });
});
