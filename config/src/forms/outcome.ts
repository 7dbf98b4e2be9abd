import { buildFormSchema, type FormValues } from '../fields/form-schema.ts';
import { chosenAlone, otherExplained } from '../fields/rules.ts';
import type { Field, FormDefinition, FormUpload } from '../fields/types.ts';

const ORDINALS = { 1: '第一', 2: '第二', 3: '第三' } as const;
const author = <N extends 1 | 2 | 3>(n: N, optional: boolean) =>
  ({
    name: `author${n}`,
    type: 'text',
    label: `${ORDINALS[n]}作者、单位及职称职务`,
    optional,
    maxLength: 200,
    hint: '如 张三，某某大学经济学院，副教授',
  }) as const;

/** 最终成果登记 (seeds/000_…txt §3.6): the fields of the seed's screen, in its order. */
export const fields = [
  { name: 'applicationNo', type: 'text', label: '数据申请表号', maxLength: 20, hint: '已获批的数据使用申请编号，如 SY-2026-000001' },
  { name: 'applicantName', type: 'text', label: '申请用户', maxLength: 50 },
  { name: 'phone', type: 'phone', label: '申请手机号码', hint: '须与数据使用申请的联系电话一致' },
  { name: 'leaderName', type: 'text', label: '负责人姓名', maxLength: 50, personal: true },
  { name: 'projectName', type: 'text', label: '项目名称', maxLength: 200 },
  { name: 'outcomeName', type: 'text', label: '最终成果名称', maxLength: 300 },
  {
    name: 'outcomeForm',
    type: 'radios',
    label: '最终成果形式',
    options: [
      { value: 'journal', label: '期刊论文' },
      { value: 'monograph', label: '专著' },
      { value: 'report', label: '研究报告' },
      { value: 'thesis', label: '学位论文' },
      { value: 'conference', label: '会议论文' },
      { value: 'other', label: '其他' },
    ],
  },
  { name: 'outcomeFormOther', type: 'text', label: '其它（最终成果形式）', optional: true, maxLength: 100 },
  author(1, false),
  author(2, true),
  author(3, true),
  { name: 'publication', type: 'textarea', label: '刊物名称、出版社和出版日期、编号', maxLength: 1000 },
  {
    name: 'fullTextPublished',
    type: 'radios',
    label: '发布版全文',
    options: [
      { value: 'published', label: '已公开发表' },
      { value: 'unpublished', label: '未公开发表' },
    ],
  },
  {
    name: 'indexing',
    type: 'checkboxes',
    label: '收录情况',
    options: [
      { value: 'sci', label: 'SCI' },
      { value: 'ssci', label: 'SSCI' },
      { value: 'ei', label: 'EI' },
      { value: 'cssci', label: 'CSSCI' },
      { value: 'pku-core', label: '北大核心' },
      { value: 'none', label: '未收录' },
      { value: 'other', label: '其他' },
    ],
  },
  { name: 'indexingOther', type: 'text', label: '（收录情况）其他', optional: true, maxLength: 100 },
] as const satisfies readonly Field[];

/** Files an outcome carries, both optional and never public (seeds/000 §3.5, §3.6). */
export const outcomeUploads = [
  { name: 'reviewForm', label: '最终成果审核表', pdfOnly: false },
  { name: 'fullText', label: '发布版全文（PDF）', pdfOnly: true },
] as const satisfies readonly FormUpload[];

export const form = {
  id: 'outcome',
  title: '最终成果登记表',
  phoneField: 'phone',
  applicantField: 'applicantName',
  fields,
  rules: [
    otherExplained('outcomeForm', 'outcomeFormOther', 'other', '其它（最终成果形式）'),
    // 未收录 says no index lists the outcome, so it stands alone; 其他 names the index in words.
    chosenAlone('indexing', 'none', '未收录', '收录情况'),
    otherExplained('indexing', 'indexingOther', 'other', '（收录情况）其他'),
  ],
  submitLabel: '提交最终成果登记',
  uploads: outcomeUploads,
  // An outcome is not printed and stamped: its files go with it (最终成果审核表, 发布版全文).
  submitNote: '提交后，系统会给出登记编号和查询密码，凭申请手机号码和查询密码可在“申请结果查询”中查看审核状态。',
} as const satisfies FormDefinition<typeof fields>;

export const schema = buildFormSchema(form);
export type OutcomeValues = FormValues<typeof fields>;
