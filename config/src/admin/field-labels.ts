import { operatorCauseLabels } from '../direct-report/operators.ts';
import { categoryLabels, enterpriseFieldLabels } from '../direct-report/types.ts';
import type { Field, FormDefinition } from '../fields/types.ts';
import { agencyFieldLabels, agencyForm } from '../forms/agency.ts';
import { forms } from '../forms/index.ts';
import { statisticianFieldLabels, statisticianForm } from '../forms/statistician.ts';
import { t } from '../i18n/index.ts';
import { type SubmissionKindId, submissionKinds, systemFieldLabels } from '../submissions.ts';
import { agencyActionLabels, agencyStatusLabels } from '../workflow/agency.ts';
import { registrationActionLabels, registrationStateLabels } from '../workflow/statistician.ts';
import { actionLabels, amendAction, amendActionLabel, passwordActionLabels, statusLabels } from '../workflow/submission.ts';
import { jurisdictionFieldLabels } from './jurisdiction.ts';

/**
 * The zh-CN name of every field of every content type staff can open in the admin: the Content
 * Manager's list columns, filters and edit-view labels (set on the views at bootstrap, and as the
 * admin's messages `content-manager.content-types.<uid>.<field>`). Without one, the admin showed
 * the attribute's code name (`storageKey`, `effectiveFrom`).
 */
type Labels = Readonly<Record<string, string>>;

/** Strapi's own fields, on every content type. */
export const strapiFieldLabels: Labels = {
  id: 'ID',
  documentId: '文档 ID',
  createdAt: '创建时间',
  updatedAt: '更新时间',
  publishedAt: '发布时间',
  createdBy: '创建人',
  updatedBy: '更新人',
  locale: '语言',
  localizations: '其他语言版本',
};

const labelsOf = (form: FormDefinition): Labels => Object.fromEntries(form.fields.map((f) => [f.name, f.label]));
const uid = (singular: string) => `api::${singular}.${singular}`;
/** Only its hash is stored; no one reads it in the admin (admin-roles.ts keeps it from every role). */
const passwordHash = '查询密码（加密保存）';
const storedFile: Labels = {
  recordNo: '编号',
  fileName: '文件名',
  mime: '文件类型',
  size: '大小（字节）',
  sha256: 'SHA-256 校验值',
  storageKey: '存储位置',
  uploadedAt: '上传时间',
};

const submissionLabels = Object.fromEntries(
  (Object.keys(submissionKinds) as SubmissionKindId[]).map((id) => [
    uid(submissionKinds[id].collection),
    { ...systemFieldLabels, passwordHash, ...labelsOf(submissionKinds[id].form) },
  ]),
);

export const contentTypeFieldLabels: Readonly<Record<string, Labels>> = {
  ...submissionLabels,
  [uid('agency')]: { ...labelsOf(agencyForm), ...agencyFieldLabels, status: '登记状态', passwordHash, delegators: '委托企业' },
  [uid('statistician')]: { ...statisticianFieldLabels, passwordHash },
  [uid('enterprise')]: enterpriseFieldLabels,
  [uid('registration-link')]: {
    tokenHash: '链接令牌（HMAC）',
    createdByNo: '分配人注册编号',
    colleague: '同事姓名',
    enterpriseCode: '企业统一社会信用代码',
    enterpriseName: '企业名称',
    expiresAt: '有效期至',
    usedByNo: '使用人注册编号',
    usedAt: '使用时间',
    revokedAt: '撤销时间',
  },
  [uid('attachment')]: { ...storedFile, purpose: '用途' },
  [uid('stamped-form')]: { ...storedFile, current: '当前使用', qrStatus: '二维码核对' },
  [uid('dataset')]: { code: '目录代码', name: '目录名称', description: '说明', years: '数据年份', sortOrder: '排序', available: '可申请' },
  [uid('delegation')]: {
    enterpriseCode: '企业统一社会信用代码',
    agencyName: '代理机构名称',
    agencyNo: '代理机构登记编号',
    effectiveFrom: '生效时间',
    effectiveTo: '失效时间',
  },
  [uid('direct-report-setting')]: {
    threshold: '同一IP企业数上限',
    ipCountScope: 'IP企业数的统计口径',
    anomalyDelta: '初始与末次直报率差异提示（百分点）',
    monthlyCategories: '月报专业',
    quarterlyCategories: '季报专业',
  },
  [uid('jurisdiction')]: jurisdictionFieldLabels,
  [uid('operator-address')]: { network: 'IP地址或网段', label: '使用单位', cause: '单位类别' },
  [uid('agency-pilot')]: { regionCode: '试点地区', regionName: '试点地区名称' },
  [uid('notice')]: { key: '标识', title: '标题', body: '正文', showOnHome: '在首页显示', publishedOn: '发布日期', attachment: '附件' },
  [uid('site-setting')]: {
    systemName: '系统名称',
    copyright: '版权所有',
    address: '地址',
    phone: '电话',
    email: '电子邮箱',
    outcomeReviewEmail: '接收最终成果审核表的电子邮箱',
  },
  [uid('print-template')]: { formId: '表单', source: '模板内容', changedBy: '修改人' },
  [uid('reporting-period')]: { code: '网报期', type: '报表类型', opensAt: '网报开始时间', closesAt: '网报截止时间' },
  [uid('review-event')]: {
    recordNo: '编号',
    action: '操作',
    fromStatus: '原状态',
    toStatus: '新状态',
    actor: '操作人',
    reason: '理由',
    at: '时间',
    changes: '修改内容',
  },
  'plugin::users-permissions.user': {
    username: '用户名',
    email: '电子邮件',
    provider: '登录方式',
    password: '密码',
    resetPasswordToken: '重置密码令牌',
    confirmationToken: '确认令牌',
    confirmed: '已确认',
    blocked: '已禁用',
    role: '角色',
  },
};

/** A content type's field labels, Strapi's own fields included. */
export const fieldLabelsOf = (contentType: string): Labels => ({ ...strapiFieldLabels, ...contentTypeFieldLabels[contentType] });

const optionsOf = (field: Field): Array<{ value: string; label: string }> => [
  ...('options' in field && Array.isArray(field.options) ? field.options : []),
  ...('columns' in field && Array.isArray(field.columns) ? field.columns.flatMap(optionsOf) : []),
];
const allForms: FormDefinition[] = [...Object.values(forms), agencyForm, statisticianForm];

/**
 * The word of every stored enumeration value the admin shows: the Content Manager asks react-intl
 * for each value by itself (filters, selects, list cells), so these are admin messages keyed by
 * the value. The forms' choices, the workflows' statuses and actions, the content types' own
 * enumerations. `submit` is left to Strapi's own message of that name, the admin's 提交 button.
 */
export const enumerationValueLabels: Labels = {
  ...Object.fromEntries(allForms.flatMap((form) => form.fields.flatMap(optionsOf)).map(({ value, label }) => [value, label])),
  ...statusLabels,
  ...agencyStatusLabels,
  ...categoryLabels,
  ...operatorCauseLabels,
  // A statistician's own status and the gender read from the ID number (schema.json).
  active: '有效',
  removed: registrationStateLabels.removed,
  male: '男',
  female: '女',
  'application/pdf': 'PDF',
  'image/jpeg': 'JPG',
  'image/png': 'PNG',
  // An agency's list of delegating enterprises (seeds/004 §七), kept as sent.
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'Excel',
  'text/csv': 'CSV',
  // What the upload read from a stamped form's QR code (cms/src/lib/scan-qr.ts).
  matched: '二维码相符',
  unreadable: t('upload.qr.unreadable'),
  legacy: '旧版表格（二维码无版本）',
  period: '整个网报期',
  rank: '仅首次或末次登录',
  monthly: '月报',
  quarterly: '季报',
  ...Object.fromEntries(
    (Object.keys(submissionKinds) as SubmissionKindId[]).map((id) => [submissionKinds[id].collection, submissionKinds[id].noun]),
  ),
  ...actionLabels,
  [amendAction]: amendActionLabel,
  ...passwordActionLabels,
  ...registrationActionLabels,
  ...Object.fromEntries(Object.entries(agencyActionLabels).filter(([action]) => action !== 'submit')),
};
