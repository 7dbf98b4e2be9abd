import { recordKinds, recordNoPattern } from './contract/record-kinds.ts';
import type { FormDefinition } from './fields/types.ts';
import { forms } from './forms/index.ts';
import { activeLocale, type Locale } from './i18n/messages.ts';

/** One kind of public submission: its form, its number prefix and its content type. */
export interface SubmissionKind {
  form: FormDefinition;
  /** Prefix of its numbers, e.g. JG-2026-000123. */
  prefix: string;
  /** Strapi collection (singular kebab name). */
  collection: string;
  /** Whether a signed and stamped form is printed and uploaded back (outcomes are not). */
  hasStampedForm: boolean;
  /** Whether a query password is issued (the record-kind table, contract/record-kinds.ts). */
  issuesPassword: boolean;
  /** zh-CN noun for lists and messages. */
  noun: string;
  /** The same noun in English, for the public site's English pages and mail. */
  englishNoun: string;
}

export const submissionKinds = {
  institution: {
    form: forms.institution,
    prefix: recordKinds.institution.prefix,
    collection: 'institution',
    hasStampedForm: true,
    issuesPassword: recordKinds.institution.issuesPassword,
    noun: '机构登记',
    englishNoun: 'Institution registration',
  },
  'data-application': {
    form: forms['data-application'],
    prefix: recordKinds['data-application'].prefix,
    collection: 'data-application',
    hasStampedForm: true,
    issuesPassword: recordKinds['data-application'].issuesPassword,
    noun: '数据使用申请',
    englishNoun: 'Data use application',
  },
  'change-application': {
    form: forms['change-application'],
    prefix: recordKinds['change-application'].prefix,
    collection: 'change-application',
    hasStampedForm: true,
    issuesPassword: recordKinds['change-application'].issuesPassword,
    noun: '数据使用变更申请',
    englishNoun: 'Data use change application',
  },
  outcome: {
    form: forms.outcome,
    prefix: recordKinds.outcome.prefix,
    collection: 'outcome',
    hasStampedForm: false,
    issuesPassword: recordKinds.outcome.issuesPassword,
    noun: '最终成果登记',
    englishNoun: 'Final outcome registration',
  },
} as const satisfies Record<string, SubmissionKind>;

export type SubmissionKindId = keyof typeof submissionKinds;

/** A kind's noun in `locale` (the active language unless named): 数据使用申请, or Data use application. */
export const kindNoun = (kindId: SubmissionKindId, locale: Locale = activeLocale()): string =>
  locale === 'en' ? submissionKinds[kindId].englishNoun : submissionKinds[kindId].noun;

/**
 * Whether a returned record can be corrected online (修改申请): its holder opens it with a query
 * password, and a new printed form replaces the stamped one (seeds/000 §二).
 */
export const canResubmit = (kindId: SubmissionKindId): boolean =>
  submissionKinds[kindId].issuesPassword && submissionKinds[kindId].hasStampedForm;

/** zh-CN labels of the fields every submission carries besides its answers (admin views, exports). */
export const systemFieldLabels = {
  recordNo: '编号',
  status: '审核状态',
  organisationName: '机构',
  submittedAt: '提交时间',
  language: '填写语言',
  reviewedAt: '审核时间',
  reviewReason: '审核理由',
  accessStart: '数据使用期限开始',
  accessEnd: '数据使用期限结束',
  expiryRemindedAt: '到期提醒邮件发送时间',
} as const;

/** Numbers look like JG-2026-000123: prefix, year, six-digit sequence (gap-free per prefix and year). */
const NUMBER = recordNoPattern(Object.values(submissionKinds).map((kind) => kind.prefix));

export const formatRecordNo = (prefix: string, year: number, sequence: number): string =>
  `${prefix}-${year}-${String(sequence).padStart(6, '0')}`;

/** The kind a record number belongs to, or undefined when it is not one of ours. */
export function kindOfRecordNo(no: string): SubmissionKindId | undefined {
  const prefix = NUMBER.exec(no)?.[1];
  return (Object.keys(submissionKinds) as SubmissionKindId[]).find((id) => submissionKinds[id].prefix === prefix);
}
