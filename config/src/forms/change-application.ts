import { buildFormSchema, type FormValues } from '../fields/form-schema.ts';
import type { Field, FormDefinition } from '../fields/types.ts';

/** 微观数据使用变更申请 (seeds/000_…txt §3.3): the fields of the seed's screen, in its order. */
export const fields = [
  { name: 'datasets', type: 'checkboxes', label: '目录', source: 'catalog', hint: '变更后申请使用的数据目录' },
  { name: 'projectName', type: 'text', label: '项目名称', maxLength: 200 },
  { name: 'originalApplicationNo', type: 'text', label: '原申请编号', maxLength: 20, hint: '已获批的数据使用申请编号，如 SY-2026-000001' },
  { name: 'applicantName', type: 'text', label: '申请人姓名', maxLength: 50, autocomplete: 'name' },
  { name: 'applicantIdNumber', type: 'idCard', label: '身份证号码', hint: '18位居民身份证号码，最后一位可能是X' },
  { name: 'applicantTitle', type: 'text', label: '职务(职称)', maxLength: 50 },
  { name: 'phone', type: 'phone', label: '联系电话', hint: '须与原申请的联系电话一致' },
  { name: 'email', type: 'email', label: '电子邮箱' },
  { name: 'projectProgress', type: 'text', label: '项目进度', maxLength: 200, hint: '如 已完成数据清洗，约50%' },
  { name: 'dataInUse', type: 'text', label: '在用数据名称', maxLength: 200 },
  { name: 'methodsUsed', type: 'textarea', label: '处理数据正在使用或已使用的方法', maxLength: 4000 },
  { name: 'processing', type: 'textarea', label: '数据处理过程', maxLength: 4000 },
  { name: 'useAndPlace', type: 'textarea', label: '数据使用及处理地点', maxLength: 2000 },
  { name: 'changeAndReason', type: 'textarea', label: '变更情况及原因说明', maxLength: 4000 },
] as const satisfies readonly Field[];

export const form = {
  id: 'change-application',
  title: '微观数据使用变更申请表',
  phoneField: 'phone',
  applicantField: 'applicantName',
  emailField: 'email',
  fields,
  submitLabel: '提交数据变更申请',
  submitNote: '提交后，系统会给出申请编号和查询密码。请打印申请表，签字盖章后通过“申请结果查询”上传。',
} as const satisfies FormDefinition<typeof fields>;

export const schema = buildFormSchema(form);
export type ChangeApplicationValues = FormValues<typeof fields>;
