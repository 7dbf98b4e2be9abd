import { describe, expect, it } from 'vitest';
import { actions, appliesTo, canTransition, checkTransition, statuses } from '../../../../config/src/workflow/submission.ts';

describe('the submission workflow', () => {
  it('allows exactly the transitions of the seed', () => {
    const allowed = statuses.flatMap((from) =>
      actions.filter((action) => canTransition(from, action)).map((action) => `${from} → ${action}`),
    );
    expect(allowed).toEqual([
      'awaiting_upload → upload',
      'awaiting_review → upload',
      'awaiting_review → approve',
      'awaiting_review → return',
      'awaiting_review → reject',
      'approved → expire',
      'approved → revoke',
      'returned → upload',
      'returned → resubmit',
    ]);
  });

  it('sends a corrected returned submission back to waiting for its new stamped form', () => {
    expect(checkTransition('returned', 'resubmit')).toEqual({ ok: true, to: 'awaiting_upload' });
    expect(checkTransition('awaiting_review', 'resubmit')).toEqual({
      ok: false,
      message: '当前状态为“等待实验室审批”，不能执行“申请人修改后重新提交”',
    });
  });

  it('sends a returned submission back to waiting for review when the form is uploaded again', () => {
    expect(checkTransition('returned', 'upload')).toEqual({ ok: true, to: 'awaiting_review' });
  });

  it('requires a reason to reject or return', () => {
    expect(checkTransition('awaiting_review', 'reject', '  ')).toEqual({
      ok: false,
      message: '请填写理由：退回修改、不通过或终止使用时必须说明原因',
    });
    expect(checkTransition('awaiting_review', 'return')).toMatchObject({ ok: false });
    expect(checkTransition('awaiting_review', 'reject', '数据用途与项目不符')).toEqual({ ok: true, to: 'rejected' });
  });

  it('says in words why a transition is refused', () => {
    expect(checkTransition('approved', 'reject', '理由')).toEqual({ ok: false, message: '当前状态为“审核通过”，不能执行“不通过”' });
  });

  it('ends only a data application’s access period: 已到期 by the daily job, 已终止使用 with a reason', () => {
    expect(checkTransition('approved', 'expire')).toEqual({ ok: true, to: 'expired' });
    expect(checkTransition('approved', 'revoke', '  ')).toEqual({
      ok: false,
      message: '请填写理由：退回修改、不通过或终止使用时必须说明原因',
    });
    expect(checkTransition('approved', 'revoke', '违反数据使用承诺')).toEqual({ ok: true, to: 'revoked' });
    expect(checkTransition('expired', 'revoke', '理由')).toEqual({ ok: false, message: '当前状态为“已到期”，不能执行“终止使用”' });
    expect(appliesTo('data-application', 'revoke')).toBe(true);
    expect(appliesTo('outcome', 'revoke')).toBe(false);
    expect(appliesTo('institution', 'expire')).toBe(false);
    expect(appliesTo('outcome', 'approve')).toBe(true);
  });
});
