import { describe, expect, it } from 'vitest';
import { decisionMail, expiringMail, submittedMail } from '../../../../config/src/admin/notifications.ts';

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

  it('say why the use was ended (终止使用) and that nothing more can be filed against it', () => {
    const mail = decisionMail('data-application', 'SY-2026-000005', 'revoke', { reason: '违反数据使用承诺' });
    expect(mail.subject).toBe('【统计数据服务平台】数据使用申请（SY-2026-000005）已终止使用');
    expect(mail.text).toContain('理由：违反数据使用承诺\n数据开发中心已终止该申请的数据使用');
    expect(mail.text).toContain('不能再据此登记成果或申请变更');
  });

  it('warn of the end of the access period in time for a change to extend it', () => {
    const mail = expiringMail('SY-2026-000006', '2027-01-31');
    expect(mail.subject).toBe('【统计数据服务平台】数据使用申请（SY-2026-000006）的数据使用期限将于 2027-01-31 到期');
    expect(mail.text).toContain('如需延长，请在到期前提交数据变更申请');
  });

  it('go in English to an applicant who applied in English, with no Chinese in them', () => {
    const mails = [
      submittedMail('data-application', 'SY-2026-000007', 'en'),
      decisionMail('data-application', 'SY-2026-000007', 'approve', { accessStart: '2026-12-01', accessEnd: '2027-11-30' }, 'en'),
      expiringMail('SY-2026-000007', '2027-11-30', 'en'),
    ];
    expect(mails[0]?.subject).toBe('[Statistical Data Service] We have received your data use application (SY-2026-000007)');
    expect(mails[1]?.text).toContain(
      'The decision on your data use application (number SY-2026-000007): approved.\nData use period: 2026-12-01 to 2027-11-30.',
    );
    for (const mail of mails) expect(`${mail.subject}${mail.text}`).not.toMatch(/[\u3400-\u9fff]/);
  });
});
