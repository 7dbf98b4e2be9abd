/**
 * 统计从业人员注册登记 (seeds/004 §十 to §十三, direct-report-rule.md "Statistics staff"): who a
 * statistician is, and the 1–30 enterprises (统计服务单位) they report for.
 */
import { buildFormSchema, type FormValues } from '../fields/form-schema.ts';
import type { Field, FormDefinition } from '../fields/types.ts';
import { t } from '../i18n/messages.ts';

export const MAX_SERVICE_UNITS = 30;

export const serviceUnitRoles = { comprehensive: '综合统计', specialised: '专业统计' } as const;

const serviceUnitsField = {
  name: 'serviceUnits',
  type: 'rows',
  label: '统计服务单位情况',
  hint: `填写您承担统计工作的单位，最多${MAX_SERVICE_UNITS}个，同一单位不要重复填写`,
  section: '统计服务单位情况',
  rowNoun: '统计服务单位',
  minRows: 1,
  maxRows: MAX_SERVICE_UNITS,
  uniqueBy: 'code',
  columns: [
    { name: 'code', type: 'creditCode', label: '统一社会信用代码' },
    { name: 'name', type: 'text', label: '单位名称', maxLength: 200 },
    {
      name: 'role',
      type: 'radios',
      label: '承担的工作',
      options: Object.entries(serviceUnitRoles).map(([value, label]) => ({ value, label })),
    },
  ],
} as const satisfies Field;

const fields = [
  { name: 'name', type: 'text', label: '姓名', maxLength: 50, autocomplete: 'name', section: '个人信息' },
  {
    name: 'idNumber',
    type: 'idCard',
    label: '身份证号码',
    hint: '18位居民身份证号码；性别和出生日期由号码得出，无需填写',
    section: '个人信息',
  },
  { name: 'phone', type: 'phone', label: '手机号码', section: '个人信息' },
  { name: 'email', type: 'email', label: '电子邮箱', optional: true, section: '个人信息' },
  {
    name: 'education',
    type: 'select',
    label: '学历',
    section: '个人信息',
    options: ['高中及以下', '中专', '大专', '本科', '硕士研究生', '博士研究生'].map((v) => ({ value: v, label: v })),
  },
  {
    name: 'qualification',
    type: 'select',
    label: '统计专业技术资格/职称',
    section: '个人信息',
    options: ['无', '统计员', '助理统计师', '统计师', '高级统计师', '正高级统计师'].map((v) => ({ value: v, label: v })),
  },
  { name: 'employer', type: 'text', label: '工作单位', maxLength: 200, section: '个人信息' },
  {
    name: 'registeredBy',
    type: 'radios',
    label: '注册方式',
    section: '个人信息',
    // seeds/004 §十三: a comprehensive statistician may register colleagues of the same enterprise.
    options: [
      { value: 'self', label: '本人注册' },
      { value: 'on_behalf', label: '由本单位综合统计人员代为注册' },
    ],
  },
  serviceUnitsField,
] as const satisfies readonly Field[];

export const statisticianForm = {
  id: 'statistician',
  title: '统计从业人员注册登记表',
  phoneField: 'phone',
  applicantField: 'name',
  emailField: 'email',
  fields,
} as const satisfies FormDefinition<typeof fields>;

export const statisticianSchema = buildFormSchema(statisticianForm);
/** Just the service units: what a person resubmits once the bureau has reopened the registration. */
export const serviceUnitsSchema = buildFormSchema({ ...statisticianForm, fields: [serviceUnitsField] as const });
export type StatisticianValues = FormValues<typeof fields>;
export type ServiceUnit = StatisticianValues['serviceUnits'][number];

/** Every stored field of a registration by its zh-CN name: the form's, then the system's (admin, history). */
export const statisticianFieldLabels: Record<string, string> = {
  ...Object.fromEntries(fields.map((f) => [f.name, f.label])),
  registrationNo: '注册编号',
  registrarNo: t('statistician.registrarNo'),
  status: '注销状态',
  locked: '已提交（锁定）',
  gender: '性别',
  birthDate: '出生日期',
  submittedAt: '提交时间',
};
