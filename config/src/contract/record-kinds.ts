/**
 * Every kind of record the public creates: the prefix of its numbers (JG-2026-000123), its form,
 * the workflow that moves it and whether it issues a query password (seeds/000 §二 for the
 * microdata kinds; seeds/004 §七 and §十二 for agencies and statisticians).
 */
export const recordKinds = {
  institution: { prefix: 'JG', form: 'institution', workflow: 'submission', issuesPassword: true },
  'data-application': { prefix: 'SY', form: 'data-application', workflow: 'submission', issuesPassword: true },
  'change-application': { prefix: 'BG', form: 'change-application', workflow: 'submission', issuesPassword: true },
  // An outcome is reviewed like the others, so its filer follows it on the query page (seeds/000 §3.4, §3.6).
  outcome: { prefix: 'CG', form: 'outcome', workflow: 'submission', issuesPassword: true },
  statistician: { prefix: 'TJ', form: 'statistician', workflow: 'statistician', issuesPassword: true },
  agency: { prefix: 'DL', form: 'agency', workflow: 'agency', issuesPassword: true },
} as const;

export type RecordKindId = keyof typeof recordKinds;
export type RecordPrefix = (typeof recordKinds)[RecordKindId]['prefix'];

/** The microdata kinds, reviewed on the review desk with the submission workflow. */
export const submissionKindIds = ['institution', 'data-application', 'change-application', 'outcome'] as const;

/** What a reviewer may decide on a submission: 通过 / 退回修改 / 不通过, and 终止使用 once approved. */
export const decisionVerbs = ['approve', 'return', 'reject', 'revoke'] as const;
export type DecisionVerb = (typeof decisionVerbs)[number];

/** Numbers look like JG-2026-000123: prefix, year, six-digit sequence (gap-free per prefix and year). */
export const recordNoPattern = (prefixes: readonly string[]): RegExp => new RegExp(`^(${prefixes.join('|')})-(\\d{4})-(\\d{6})$`);

/** `TJ-` etc.: what a look-up token's record number starts with. */
export const numberStart = (kind: RecordKindId): `${RecordPrefix}-` => `${recordKinds[kind].prefix}-`;
