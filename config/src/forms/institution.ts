import { buildFormSchema, type FormValues } from '../fields/form-schema.ts';
import type { Field, FormDefinition } from '../fields/types.ts';

/** 微观数据开发应用机构登记表 (seeds/000_…txt §3.1): every row of the seed's form, in its order. */
export const fields = [
  { name: 'agreeNotice', type: 'consent', label: '申请须知', statement: 'institution-notice' },
  { name: 'fullName', type: 'text', label: '机构单位全称', section: '机构信息', maxLength: 100, autocomplete: 'organization' },
  {
    name: 'creditCode',
    type: 'creditCode',
    label: '统一社会信用代码',
    section: '机构信息',
    hint: '18位，见营业执照或法人证书，如 91350100M000100Y43',
  },
  { name: 'website', type: 'url', label: '单位网址', section: '机构信息', optional: true, hint: '如 https://www.example.edu.cn' },
  { name: 'abbreviation', type: 'text', label: '缩写-简称', section: '机构信息', optional: true, maxLength: 30 },
  { name: 'englishName', type: 'text', label: '英文名', section: '机构信息', optional: true, maxLength: 200 },
  { name: 'address', type: 'text', label: '通讯地址', section: '机构信息', maxLength: 200, autocomplete: 'street-address' },
  { name: 'email', type: 'email', label: '电子邮箱', section: '机构信息', hint: '机构的公共邮箱' },
  { name: 'legalRepName', type: 'text', label: '法人代表姓名', section: '法人代表', maxLength: 50, personal: true },
  { name: 'legalRepPosition', type: 'text', label: '法人代表职务', section: '法人代表', maxLength: 50 },
  { name: 'legalRepTitle', type: 'text', label: '法人代表职称', section: '法人代表', optional: true, maxLength: 50 },
  { name: 'contactName', type: 'text', label: '联系人姓名', section: '联系人', maxLength: 50, autocomplete: 'name' },
  { name: 'contactPosition', type: 'text', label: '联系人职务', section: '联系人', maxLength: 50 },
  { name: 'contactTitle', type: 'text', label: '联系人职称', section: '联系人', optional: true, maxLength: 50 },
  { name: 'contactPhone', type: 'phone', label: '联系人电话', section: '联系人', hint: '11位手机号码，查询申请结果时使用' },
  { name: 'contactEmail', type: 'email', label: '联系人邮箱', section: '联系人' },
  { name: 'commitment', type: 'consent', label: '申请单位承诺', section: '承诺', statement: 'institution-commitment' },
] as const satisfies readonly Field[];

export const form = {
  id: 'institution',
  title: '微观数据开发应用机构登记表',
  phoneField: 'contactPhone',
  applicantField: 'contactName',
  emailField: 'contactEmail',
  fields,
  submitLabel: '提交机构申请',
  submitNote: '提交后，系统会给出申请编号和查询密码。请打印申请表，签字盖章后通过“申请结果查询”上传。',
} as const satisfies FormDefinition<typeof fields>;

export const schema = buildFormSchema(form);
export type InstitutionValues = FormValues<typeof fields>;
