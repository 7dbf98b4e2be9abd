import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_PDF, SAMPLE_PNG } from '../integration/support/files.ts';
import { institutionCode } from '../integration/support/fixtures.ts';
import { launchBrowser } from './support/browser.ts';
import { approvedInstitution, type RegisteredInstitution, registerInstitution } from './support/institutions.ts';
import { fillByLabel, openPage, review, siteUrl } from './support/journey.ts';
import { approveAsReviewer, inviteStaff } from './support/staff.ts';

const REVIEWER = { email: 'li.reviewer@e2e.example', password: 'Reviewer-2026-data', firstname: '审核员', lastname: '李' };

/** 武汉大学's registration; its contact's phone must never show on the public list. */
const WHU = {
  fullName: '武汉大学',
  abbreviation: 'WHU',
  englishName: 'Wuhan University',
  website: 'https://www.whu.edu.cn',
  creditCode: '914403001922038216',
  address: '湖北省武汉市武昌区八一路299号',
  email: 'office@whu.edu.cn',
  contactName: '李四',
  contactPosition: '处长',
  contactPhone: '13712345678',
  contactEmail: 'lisi@whu.edu.cn',
};

/** Reads the application number off the confirmation page. */
const confirmationNo = async (page: Page) => {
  expect(new URL(page.url()).pathname).toBe('/confirmation');
  return (await page.locator('#application-no').textContent()) ?? '';
};

describe('applying for microdata, changing the application and registering the outcome', () => {
  let browser: Browser;
  let institution: RegisteredInstitution;
  let applicationNo: string;
  let queryPassword: string;

  beforeAll(async () => {
    browser = await launchBrowser();
    // 申请机构 offers, and the API accepts, approved institutions only.
    institution = await approvedInstitution(WHU);
    await inviteStaff('Reviewer', REVIEWER);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('submits a data application choosing two datasets, through the seed’s confirmation dialog', async () => {
    const page = await openPage(browser);
    await page.goto(siteUrl('/'));
    await page.getByRole('link', { name: '数据使用申请' }).click();
    await expect(page.locator('.notice-text').textContent()).resolves.toContain('申请机构须已完成机构登记');
    await review(page, 'data-application-instructions');
    await page.getByLabel(/我已阅读并同意/).check();
    await page.getByRole('button', { name: '同意并继续' }).click();
    await review(page, 'data-application-form');

    // 申请机构 is typed into and picked from the approved institutions the browser suggests.
    const choice = `武汉大学（${institution.applicationNo}）`;
    await expect(
      page.locator('#field-institution-list option').evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value)),
    ).resolves.toContain(choice);
    await page.getByLabel('申请机构', { exact: true }).fill(choice);
    await fillByLabel(page, {
      项目名称: '人口流动与家庭收入研究',
      项目负责人姓名: '张三',
      身份证号码: '11010519491231002X',
      '职务(职称)': '教授',
      联系电话: '13800138000',
      电子邮箱: 'zhangsan@whu.edu.cn',
      研究目的: '研究人口流动对家庭收入的影响。',
      研究方法: '工具变量回归。',
      预期成果: '论文一篇',
      数据年份: '2010、2015',
      使用期限开始日期: '2026-12-01',
      使用期限结束日期: '2027-11-30',
    });
    await page.getByLabel('国家社会科学基金').check();
    await page.getByLabel('第六次全国人口普查').check();
    await page.getByLabel('2015年1%人口抽样调查').check();
    await page.getByRole('button', { name: '继续' }).click();

    await expect(page.locator('.summary-list').textContent()).resolves.toContain('第六次全国人口普查、2015年1%人口抽样调查');
    await expect(page.locator('.inset').first().textContent()).resolves.toBe('温馨提示：为了更好的通过审核，请填写全部说明信息。');
    await expect(page.locator('.summary-list').textContent()).resolves.toContain(choice);
    await review(page, 'data-application-check-answers');
    // The seed's step 3: the supporting documents go with the application (several at once).
    await page.getByLabel('相关附件（选填）').setInputFiles([
      { name: '课题立项书.pdf', mimeType: 'application/pdf', buffer: SAMPLE_PDF },
      { name: '伦理审查.png', mimeType: 'image/png', buffer: SAMPLE_PNG },
    ]);
    await page.getByRole('button', { name: '提交目录使用申请' }).click();
    const dialog = page.getByRole('dialog', { name: '确认提示' });
    await expect(dialog.textContent()).resolves.toContain('张三 您当前选择的目录：');
    await expect(dialog.textContent()).resolves.toContain('第六次全国人口普查、2015年1%人口抽样调查');
    await review(page, 'data-application-dialog');
    await dialog.getByRole('button', { name: '确认' }).click();
    applicationNo = await confirmationNo(page);
    expect(applicationNo).toMatch(/^SY-\d{4}-\d{6}$/);
    queryPassword = (await page.locator('#query-password').textContent()) ?? '';

    await page.getByRole('link', { name: '上传相关附件' }).click();
    await expect(page.locator('tbody').textContent()).resolves.toContain('伦理审查.png');
    await review(page, 'attachments');
    await page.getByLabel('附件').setInputFiles({ name: '补充说明.pdf', mimeType: 'application/pdf', buffer: SAMPLE_PDF });
    await page.getByRole('button', { name: '上传附件' }).click();
    await expect(page.locator('.notification').textContent()).resolves.toBe('附件已上传。');
    await expect(page.locator('tbody').textContent()).resolves.toContain('课题立项书.pdf');
    await expect(page.locator('tbody').textContent()).resolves.toContain('补充说明.pdf');
    await page.close();
  });

  it('refuses, next to 申请机构, an institution whose registration is not yet approved, keeping every answer', async () => {
    const waiting = await registerInstitution({ fullName: '华中师范大学', creditCode: institutionCode(931), contactPhone: '13712340000' });
    const context = await browser.newContext({ javaScriptEnabled: false, locale: 'zh-CN' });
    const page = await context.newPage();
    await page.goto(siteUrl('/data-applications/new'));
    await page.getByLabel(/我已阅读并同意/).check();
    await page.getByRole('button', { name: '同意并继续' }).click();
    // Typed by hand: the browser's suggestions offer approved institutions only.
    const answers = {
      申请机构: waiting.applicationNo,
      项目名称: '师范生就业去向研究',
      项目负责人姓名: '张三',
      身份证号码: '11010519491231002X',
      '职务(职称)': '教授',
      联系电话: '13800138001',
      电子邮箱: 'zhangsan@ccnu.edu.cn',
      研究目的: '研究师范生的就业去向。',
      研究方法: '描述统计。',
      预期成果: '报告一份',
      数据年份: '2010',
      使用期限开始日期: '2026-12-01',
      使用期限结束日期: '2027-11-30',
    };
    await fillByLabel(page, answers);
    await page.getByLabel('国家社会科学基金').check();
    await page.getByLabel('第六次全国人口普查').check();
    await page.getByRole('button', { name: '继续' }).click();
    await page.getByRole('button', { name: '提交目录使用申请' }).click();

    const field = page.getByLabel('申请机构', { exact: true });
    await expect(field.getAttribute('aria-describedby')).resolves.toContain('institution-error');
    await expect(page.locator('#institution-error').textContent()).resolves.toBe(
      '错误：该机构的登记尚未通过审核，请选择已通过审核的申请机构',
    );
    for (const [label, value] of Object.entries(answers))
      await expect(page.getByLabel(label, { exact: true }).inputValue(), label).resolves.toBe(value);
    await expect(page.getByLabel('第六次全国人口普查').isChecked()).resolves.toBe(true);
    await context.close();
  });

  it('submits a data application without JavaScript too (no dialog, the check page confirms)', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, locale: 'zh-CN' });
    const page = await context.newPage();
    await page.goto(siteUrl('/data-applications/new'));
    await page.getByLabel(/我已阅读并同意/).check();
    await page.getByRole('button', { name: '同意并继续' }).click();
    await page.getByRole('button', { name: '继续' }).click();
    const messages = await page.locator('.error-summary li').allTextContents();
    expect(messages).toContain('请至少选择一项申请使用的数据目录');
    expect(messages).toContain('请选择申请机构');
    expect(messages).toContain('请选择项目来源');
    await context.close();
  });

  it('uploads the stamped form on the query page', async () => {
    const page = await openPage(browser);
    await page.goto(siteUrl('/query'));
    await fillByLabel(page, { 手机号码: '13800138000', 查询密码: queryPassword });
    await page.getByRole('button', { name: '查询' }).click();
    await page
      .locator('tbody tr', { hasText: applicationNo })
      .getByRole('link', { name: /提交申请表/ })
      .click();
    await page.getByLabel('盖章后的申请表').setInputFiles({ name: '盖章申请表.pdf', mimeType: 'application/pdf', buffer: SAMPLE_PDF });
    await page.getByRole('button', { name: '上传' }).click();
    await expect(page.locator('.notification').textContent()).resolves.toBe('申请表已上传，请等待审核。');
    await page.close();
  });

  it('is approved by a reviewer in the admin', async () => {
    await approveAsReviewer(browser, REVIEWER, 'api::data-application.data-application', applicationNo);
  }, 120_000);

  it('files a change application starting from the approved original, through the 确认提示 dialog', async () => {
    const page = await openPage(browser);
    await page.goto(siteUrl('/change-applications/new'));
    await review(page, 'change-application-start');
    // A wrong password opens nothing, and says so.
    await fillByLabel(page, { 原申请编号: applicationNo, 联系电话: '13800138000', 原申请的查询密码: 'AAAA-BBBB-CC' });
    await page.getByRole('button', { name: '按原申请填写' }).click();
    await expect(page.locator('.error-summary').textContent()).resolves.toContain('手机号码或查询密码不正确');
    await expect(page.getByLabel('原申请编号', { exact: true }).inputValue()).resolves.toBe(applicationNo);
    await fillByLabel(page, { 原申请的查询密码: queryPassword });
    await page.getByRole('button', { name: '按原申请填写' }).click();

    // The original's answers are there; only what changes is typed.
    await expect(page.getByLabel('项目名称', { exact: true }).inputValue()).resolves.toBe('人口流动与家庭收入研究');
    await expect(page.getByLabel('身份证号码', { exact: true }).inputValue()).resolves.toBe('11010519491231002X');
    await expect(page.getByLabel('在用数据名称', { exact: true }).inputValue()).resolves.toBe('第六次全国人口普查、2015年1%人口抽样调查');
    await expect(page.getByLabel('第六次全国人口普查').isChecked()).resolves.toBe(true);
    await review(page, 'change-application-form');
    await page.getByLabel('第三次全国农业普查').check();
    await fillByLabel(page, {
      项目进度: '50%',
      数据处理过程: '清洗、匹配',
      数据使用及处理地点: '数据开发中心安全室',
      变更情况及原因说明: '增加农业普查数据。',
    });
    await page.getByRole('button', { name: '继续' }).click();
    await page.getByRole('button', { name: '提交数据变更申请' }).click();
    const dialog = page.getByRole('dialog', { name: '确认提示' });
    await expect(dialog.textContent()).resolves.toContain('张三 您当前选择的目录：');
    await expect(dialog.textContent()).resolves.toContain('第三次全国农业普查');
    await review(page, 'change-application-dialog');
    await dialog.getByRole('button', { name: '确认' }).click();
    expect(await confirmationNo(page)).toMatch(/^BG-\d{4}-\d{6}$/);
    await page.close();
  }, 120_000);

  it('refuses a change application whose phone does not match, keeping every answer', async () => {
    const page = await openPage(browser);
    await page.goto(siteUrl('/change-applications/new'));
    await page.getByRole('link', { name: '不使用原申请，直接填写变更申请表' }).click();
    await page.getByLabel('第三次全国农业普查').check();
    const answers = {
      项目名称: '人口流动与家庭收入研究',
      原申请编号: applicationNo,
      申请人姓名: '张三',
      身份证号码: '11010519491231002X',
      '职务(职称)': '教授',
      联系电话: '13900000000',
      电子邮箱: 'zhangsan@whu.edu.cn',
      项目进度: '50%',
      在用数据名称: '第六次全国人口普查',
      处理数据正在使用或已使用的方法: '描述统计',
      数据处理过程: '清洗',
      数据使用及处理地点: '安全室',
      变更情况及原因说明: '增加数据。',
    };
    await fillByLabel(page, answers);
    await page.getByRole('button', { name: '继续' }).click();
    await page.getByRole('button', { name: '提交数据变更申请' }).click();
    await page.getByRole('dialog', { name: '确认提示' }).getByRole('button', { name: '确认' }).click();
    await expect(page.locator('.error-summary').textContent()).resolves.toContain('未找到与此联系电话对应的已获批数据使用申请');
    await expect(page.getByLabel('变更情况及原因说明').inputValue()).resolves.toBe('增加数据。');
    await review(page, 'change-application-refused');
    await page.close();
  });

  it('registers the final outcome', async () => {
    const page = await openPage(browser);
    await page.goto(siteUrl('/'));
    await page.getByRole('link', { name: '最终成果审核与登记' }).click();
    await review(page, 'outcomes');
    const form = await page.request.get(siteUrl('/notices/outcome-review/attachment'));
    expect(form.headers()['content-type']).toBe('application/pdf');
    expect((await form.body()).subarray(0, 5).toString()).toBe('%PDF-');
    await page.getByRole('link', { name: '填写最终成果登记表' }).click();
    await fillByLabel(page, {
      数据申请表号: applicationNo,
      申请用户: '张三',
      申请手机号码: '13800138000',
      负责人姓名: '张三',
      项目名称: '人口流动与家庭收入研究',
      最终成果名称: '人口流动与家庭收入',
      '第一作者、单位及职称职务': '张三，武汉大学，教授',
      '刊物名称、出版社和出版日期、编号': '《管理世界》2027年第3期',
    });
    await page.getByLabel('期刊论文').check();
    await page.getByLabel('已公开发表').check();
    // 未收录 beside an index is a contradiction: said next to 收录情况, nothing typed lost.
    await page.getByLabel('CSSCI').check();
    await page.getByLabel('未收录').check();
    await review(page, 'outcome-form');
    await page.getByRole('button', { name: '继续' }).click();
    await expect(page.locator('.error-summary').textContent()).resolves.toContain('选择“未收录”时不能再选择其他收录情况');
    await expect(page.getByLabel('最终成果名称').inputValue()).resolves.toBe('人口流动与家庭收入');
    await page.getByLabel('未收录').uncheck();
    await page.getByRole('button', { name: '继续' }).click();

    // The check page says what is true of an outcome (no printing, no stamp) and takes its two files.
    const check = (await page.locator('main').textContent()) ?? '';
    expect(check).toContain('提交后，系统会给出登记编号和查询密码');
    expect(check).not.toContain('签字盖章');
    await page.getByLabel('最终成果审核表').setInputFiles({ name: '最终成果审核表.pdf', mimeType: 'application/pdf', buffer: SAMPLE_PDF });
    await page.getByLabel('发布版全文（PDF）').setInputFiles({ name: '全文.pdf', mimeType: 'application/pdf', buffer: SAMPLE_PDF });
    await review(page, 'outcome-check-answers');
    await page.getByRole('button', { name: '提交最终成果登记' }).click();
    const outcomeNo = await confirmationNo(page);
    expect(outcomeNo).toMatch(/^CG-\d{4}-\d{6}$/);
    const outcomePassword = (await page.locator('#query-password').textContent()) ?? '';
    expect(outcomePassword).toMatch(/^[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{2}$/);
    await review(page, 'outcome-confirmation');

    // The submission opened the applicant's records: /query shows the outcome without asking again.
    await page.getByRole('link', { name: '申请结果查询' }).click();
    const row = page.locator('tbody tr', { hasText: outcomeNo });
    await expect(row.textContent()).resolves.toContain('等待实验室审批');
    await expect(row.textContent()).resolves.toContain('最终成果登记');
    // Another day: the phone and the outcome's own password open it again.
    await page.getByRole('button', { name: '退出' }).click();
    await fillByLabel(page, { 手机号码: '13800138000', 查询密码: outcomePassword });
    await page.getByRole('button', { name: '查询' }).click();
    await expect(page.locator('tbody tr', { hasText: outcomeNo }).textContent()).resolves.toContain('等待实验室审批');
    await page.close();
  }, 120_000);

  it('lists registered institutions and finds one by name', async () => {
    const page = await openPage(browser);
    await page.goto(siteUrl('/'));
    await page.getByRole('link', { name: '已申请机构' }).click();
    await page.getByLabel('按机构名称或简称查找').fill('武汉');
    await page.getByRole('button', { name: '查找' }).click();
    await expect(page.locator('tbody').textContent()).resolves.toContain('武汉大学');
    await expect(page.content()).resolves.not.toContain('13712345678');
    await review(page, 'institutions');
    await page.close();
  });
});
