import { describe, expect, it } from 'vitest';
import { decisionMail, submittedMail } from '../../../../config/src/admin/notifications.ts';

describe('emails to applicants', () => {
  it('tell the reason of a return and what to do next', () => {
    const mail = decisionMail('institution', 'JG-2026-000001', 'return', { reason: ' 盖章不清晰 ' });
    expect(mail.subject).toBe('【统计数据服务平台】机构登记（JG-2026-000001）退回修改');
    expect(mail.text).toContain('理由：盖章不清晰\n请按理由修改后重新打印、签字盖章并上传申请表。');
  });

  it('give the access period of an approved data application', () => {
    const mail = decisionMail('data-application', 'SY-2026-000002', 'approve', { accessStart: '2026-12-01', accessEnd: '2027-11-30' });
    expect(mail.text).toContain('数据使用期限：2026-12-01 至 2027-11-30。');
    expect(mail.text).not.toContain('理由');
  });

  it('do not ask for an upload where no stamped form is printed', () => {
    expect(submittedMail('outcome', 'CG-2026-000003').text).not.toContain('上传');
    expect(submittedMail('institution', 'JG-2026-000004').text).toContain('签字盖章后扫描上传');
  });
});
