/**
 * 统计代理机构登记 (seeds/004 §七): an agency, its documents, and the enterprises that
 * entrust it with their statistical reporting, each with a stamped entrustment letter.
 */
import { regionName, sichuanRegions } from '../direct-report/sichuan.ts';
import { buildFormSchema, type FormValues } from '../fields/form-schema.ts';
import type { Field, FormDefinition } from '../fields/types.ts';

/** Enterprises typed on the form; beyond a few, the list comes as a file (agency-list.ts), without a cap. */
export const MAX_DELEGATING_ENTERPRISES = 50;

/** The 县区 whose bureau reviews first; the 市州 follows from it (GB/T 2260: its first four digits). */
export const countyOptions = sichuanRegions.flatMap((city) =>
  city.counties.map(([code]) => ({ value: code, label: regionName(code) ?? code })),
);
export const cityOfCounty = (countyCode: string): string => `${countyCode.slice(0, 4)}00`;

const fields = [
  { name: 'agencyName', type: 'text', label: '代理机构名称', maxLength: 200, section: '代理机构' },
  { name: 'creditCode', type: 'creditCode', label: '统一社会信用代码', section: '代理机构' },
  {
    name: 'countyCode',
    type: 'select',
    label: '所在县（市、区）',
    options: countyOptions,
    section: '代理机构',
    hint: '由该县（市、区）统计局首先审核',
  },
  { name: 'address', type: 'text', label: '办公地址', maxLength: 200, section: '代理机构' },
  { name: 'contactName', type: 'text', label: '联系人', maxLength: 50, personal: true, section: '联系人' },
  { name: 'contactPhone', type: 'phone', label: '联系电话', section: '联系人', hint: '审核中统计局通过这个号码与您联系' },
  { name: 'contactEmail', type: 'email', label: '电子邮箱', optional: true, section: '联系人' },
  {
    name: 'delegators',
    type: 'rows',
    label: '委托企业',
    hint: '填写委托本机构代理统计报表的企业，每个企业须提交加盖公章的委托书；企业较多时可在下一步上传委托企业清单（Excel 或 CSV）代替逐个填写',
    section: '委托企业',
    rowNoun: '委托企业',
    // None typed is fine when the list arrives as a file (agency-list.ts); the service asks for one of the two.
    minRows: 0,
    maxRows: MAX_DELEGATING_ENTERPRISES,
    uniqueBy: 'code',
    columns: [
      { name: 'code', type: 'creditCode', label: '统一社会信用代码' },
      { name: 'name', type: 'text', label: '企业名称', maxLength: 200 },
    ],
  },
] as const satisfies readonly Field[];

export const agencyForm = {
  id: 'agency',
  title: '统计代理机构登记表',
  phoneField: 'contactPhone',
  applicantField: 'contactName',
  emailField: 'contactEmail',
  fields,
} as const satisfies FormDefinition<typeof fields>;

export const agencySchema = buildFormSchema(agencyForm);

/** Labels of an agency's own fields, beside those of its form (seeds/004 §七): the admin's columns. */
export const agencyFieldLabels = {
  registrationNo: '登记编号',
  cityCode: '所在市州',
  submittedAt: '提交时间',
  reviewedAt: '审核时间',
  reviewReason: '审核理由',
  effectiveDate: '委托生效日期',
} as const;
export type AgencyValues = FormValues<typeof fields>;

/**
 * The documents uploaded with the registration: the agency's two, then one letter per enterprise.
 * seeds/004 §七 names them 营业执照 and 法人证书 (the stored name stays `legalPersonCertificate`).
 */
export const agencyDocuments = [
  { name: 'businessLicence', label: '营业执照' },
  { name: 'legalPersonCertificate', label: '法人证书' },
] as const;
export type AgencyDocumentName = (typeof agencyDocuments)[number]['name'];
/** The upload name of the i-th enterprise's entrustment letter (委托书). */
export const letterUpload = (index: number) => `letter.${index}`;
export const letterLabel = (enterpriseName: string) => `${enterpriseName}的委托书`;

/**
 * The list of delegating enterprises as a file (Excel or CSV: 法人代码, 企业名称), and with it one
 * file holding the stamped entrustment letters of the enterprises it lists (seeds/004 §七).
 */
export const agencyListUploads = {
  list: { name: 'delegatorList', label: '委托企业清单' },
  letters: { name: 'listLetters', label: '清单所列企业的委托书' },
} as const;
