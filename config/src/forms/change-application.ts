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
  // The seed's screen cuts this label at the box's edge ("数据使用及处", as it cuts 项目进度 to
  // "项目地进度") and its example types a date into it (2015-09-12). The example is filler, not a
  // format: the same screen puts a person's name in 项目名称 and 数据处理过程 ("张三", "李四") and
  // 00000 in 身份证号码. We keep it a place: the question sits with 数据处理过程 and the methods
  // (how and where the data is handled), the seed's process keeps microdata in the data centre's
  // laboratory, where the place of use is what a change must state; and the period of use is not
  // the applicant's to set here: the reviewer grants it at approval (数据使用期限, workflow/decision.ts),
  // and approving a change carries that period over to the original.
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

/**
 * A change starts from its approved original (the applicant changes only what changes): the
 * answers the two forms share, and the original's datasets by name as 在用数据名称. What is about
 * now (进度, 过程, 地点, the change and its reason) starts empty.
 */
export function prefillFromOriginal(
  original: Record<string, unknown>,
  datasetName: (code: string) => string,
): Partial<Record<(typeof fields)[number]['name'], unknown>> {
  const datasets = Array.isArray(original.datasets) ? (original.datasets as string[]) : [];
  return {
    datasets,
    projectName: original.projectName,
    originalApplicationNo: original.recordNo,
    applicantName: original.leaderName,
    applicantIdNumber: original.leaderIdNumber,
    applicantTitle: original.leaderTitle,
    phone: original.leaderPhone,
    email: original.leaderEmail,
    dataInUse: datasets.map(datasetName).join('、').slice(0, 200),
    methodsUsed: original.researchMethods,
  };
}

/** The answers the reviewer compares, change beside original (the original's field for each). */
export const comparedWithOriginal: ReadonlyArray<readonly [(typeof fields)[number]['name'], string]> = [
  ['projectName', 'projectName'],
  ['datasets', 'datasets'],
  ['applicantName', 'leaderName'],
  ['applicantTitle', 'leaderTitle'],
  ['email', 'leaderEmail'],
  ['methodsUsed', 'researchMethods'],
];
