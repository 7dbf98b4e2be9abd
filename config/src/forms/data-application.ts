import { buildFormSchema, type FormValues } from '../fields/form-schema.ts';
import { periodInOrder } from '../fields/rules.ts';
import type { Field, FormDefinition, FormUpload } from '../fields/types.ts';

/** 微观数据使用申请表 (seeds/000_…txt §3.2). */
export const fields = [
  { name: 'agreeInstructions', type: 'consent', label: '填表说明', statement: 'data-application-instructions' },
  { name: 'projectName', type: 'text', label: '项目名称', section: '项目', maxLength: 200 },
  {
    name: 'projectSource',
    type: 'radios',
    label: '项目来源',
    section: '项目',
    options: [
      { value: 'nsfc', label: '国家自然科学基金' },
      { value: 'nssfc', label: '国家社会科学基金' },
      { value: 'ministerial', label: '省部级课题' },
      { value: 'commissioned', label: '委托课题' },
      { value: 'self', label: '自选课题' },
      { value: 'other', label: '其他' },
    ],
  },
  {
    name: 'institution',
    type: 'select',
    label: '申请机构',
    section: '项目',
    source: 'institutions',
    // Approved institutions only, typed into and picked from the list (seeds/000 §3.2: 须先完成机构登记).
    searchable: true,
    hint: '输入机构名称或简称查找，从列表中选择；只列出审核通过的机构。如未找到您的机构，请先进行机构登记',
  },
  { name: 'leaderName', type: 'text', label: '项目负责人姓名', section: '项目负责人', maxLength: 50, autocomplete: 'name' },
  { name: 'leaderIdNumber', type: 'idCard', label: '身份证号码', section: '项目负责人', hint: '18位居民身份证号码，最后一位可能是X' },
  { name: 'leaderTitle', type: 'text', label: '职务(职称)', section: '项目负责人', maxLength: 50 },
  { name: 'leaderPhone', type: 'phone', label: '联系电话', section: '项目负责人', hint: '11位手机号码，查询申请结果时使用' },
  { name: 'leaderEmail', type: 'email', label: '电子邮箱', section: '项目负责人' },
  {
    name: 'teamMembers',
    type: 'textarea',
    label: '项目组成员',
    section: '项目组',
    optional: true,
    maxLength: 2000,
    hint: '每行一人：姓名、单位、职务职称',
  },
  { name: 'researchPurpose', type: 'textarea', label: '研究目的', section: '研究内容', maxLength: 4000 },
  { name: 'researchMethods', type: 'textarea', label: '研究方法', section: '研究内容', maxLength: 4000 },
  { name: 'expectedOutcomes', type: 'textarea', label: '预期成果', section: '研究内容', maxLength: 2000 },
  { name: 'datasets', type: 'checkboxes', label: '申请使用的数据目录', section: '申请数据', source: 'catalog' },
  { name: 'dataYears', type: 'text', label: '数据年份', section: '申请数据', maxLength: 100, hint: '如 2015、2018—2020' },
  { name: 'usePeriodStart', type: 'date', label: '使用期限开始日期', section: '申请数据', hint: '如 2026-12-01' },
  { name: 'usePeriodEnd', type: 'date', label: '使用期限结束日期', section: '申请数据', hint: '如 2027-11-30' },
] as const satisfies readonly Field[];

/** How many supporting documents one data application may carry, with it or added later on /query. */
export const MAX_ATTACHMENTS = 10;

/**
 * The seed's step "完成并提交数据使用申请表，上传相关附件" (seeds/000 §二(二) 3): supporting documents
 * (课题立项书 …) go with the application; more can be added on /query until it is decided.
 */
export const dataApplicationUploads = [
  { name: 'attachments', label: '相关附件（选填）', pdfOnly: false, max: MAX_ATTACHMENTS },
] as const satisfies readonly FormUpload[];

export const form = {
  id: 'data-application',
  title: '微观数据使用申请表',
  phoneField: 'leaderPhone',
  applicantField: 'leaderName',
  emailField: 'leaderEmail',
  fields,
  rules: [periodInOrder('usePeriodStart', 'usePeriodEnd', '使用期限')],
  submitLabel: '提交目录使用申请',
  uploads: dataApplicationUploads,
  submitNote: '提交后，系统会给出申请编号和查询密码。请打印申请表，签字盖章后通过“申请结果查询”上传。',
} as const satisfies FormDefinition<typeof fields>;

export const schema = buildFormSchema(form);
export type DataApplicationValues = FormValues<typeof fields>;
