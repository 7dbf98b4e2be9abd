import { z } from 'zod';
import { t } from '../i18n/messages.ts';
import { parseCreditCode } from '../validators/credit-code.ts';
import { parseIsoDateTime } from '../validators/date.ts';
import type { ValidationResult } from '../validators/result.ts';
import { categories, periodTypes } from './types.ts';

/**
 * What the data collection platform writes with an API token besides logins and master data
 * (DESIGN.md "Public API"): its calendar of reporting periods, the province's list of agent
 * delegations, and the rule's parameters (direct-report-rule.md "Parameters").
 */

/** A string checked by one of config's validators, normalised to the validator's value. */
export const validated = (parse: (input: string) => ValidationResult) =>
  z.string({ error: t('directReport.calendar.text') }).transform((input, ctx) => {
    const result = parse(input);
    if (result.ok) return result.value;
    ctx.addIssue({ code: 'custom', message: result.message });
    return z.NEVER;
  });

const instant = validated(parseIsoDateTime);

/** A period's code says its type: 2026-10 is a month, 2026-Q3 a quarter (the reporting_periods schema's regex). */
const CODE_OF_TYPE = { monthly: /^\d{4}-(0[1-9]|1[0-2])$/, quarterly: /^\d{4}-Q[1-4]$/ } as const;

export const periodInputSchema = z
  .object({
    code: z.string({ error: t('directReport.period.code') }).regex(/^\d{4}-(0[1-9]|1[0-2]|Q[1-4])$/, t('directReport.period.code')),
    type: z.enum(periodTypes, { error: t('directReport.period.type') }),
    opensAt: instant,
    closesAt: instant,
  })
  .strict()
  .superRefine((period, ctx) => {
    if (!CODE_OF_TYPE[period.type].test(period.code))
      ctx.addIssue({ code: 'custom', path: ['code'], message: t(`directReport.period.codeOf.${period.type}`) });
    if (period.closesAt <= period.opensAt) ctx.addIssue({ code: 'custom', path: ['closesAt'], message: t('directReport.period.window') });
  });
export type PeriodInput = z.infer<typeof periodInputSchema>;

export const delegationInputSchema = z
  .object({
    enterpriseCode: validated(parseCreditCode),
    agencyName: z
      .string({ error: t('directReport.delegation.agencyName') })
      .trim()
      .min(1, t('directReport.delegation.agencyName'))
      .max(200),
    agencyNo: z.string().trim().max(20, t('directReport.delegation.agencyNo')).nullish(),
    effectiveFrom: instant,
    /** Open-ended when absent: the delegation is in force until the province ends it. */
    effectiveTo: instant.nullish(),
  })
  .strict()
  .superRefine((delegation, ctx) => {
    if (delegation.effectiveTo && delegation.effectiveTo <= delegation.effectiveFrom)
      ctx.addIssue({ code: 'custom', path: ['effectiveTo'], message: t('directReport.delegation.window') });
  });
export type DelegationInput = z.infer<typeof delegationInputSchema>;

/** The rule's parameters as a full-access token replaces them: every one given, none defaulted. */
export const settingsInputSchema = z
  .object({
    threshold: z
      .number({ error: t('directReport.settings.threshold') })
      .int(t('directReport.settings.threshold'))
      .positive(t('directReport.settings.threshold')),
    ipCountScope: z.enum(['period', 'rank'], { error: t('directReport.settings.ipCountScope') }),
    anomalyDelta: z
      .number({ error: t('directReport.settings.anomalyDelta') })
      .nonnegative(t('directReport.settings.anomalyDelta'))
      .max(100, t('directReport.settings.anomalyDelta')),
    scope: z
      .object({
        monthly: z.array(z.enum(categories, { error: t('directReport.settings.category', { categories: categories.join('、') }) })),
        quarterly: z.array(z.enum(categories, { error: t('directReport.settings.category', { categories: categories.join('、') }) })),
      })
      .strict(),
  })
  .strict();
export type SettingsInput = z.infer<typeof settingsInputSchema>;

/**
 * A what-if report's parameters (`?threshold=&scope=`): computed for one request, the bureau's
 * settings untouched. A value that is given must be valid; absent ones keep the settings'.
 */
export const whatIfSchema = z.object({
  threshold: z.coerce
    .number({ error: t('directReport.settings.threshold') })
    .int(t('directReport.settings.threshold'))
    .positive(t('directReport.settings.threshold'))
    .optional(),
  scope: z.enum(['period', 'rank'], { error: t('directReport.settings.ipCountScope') }).optional(),
});
export type WhatIf = z.infer<typeof whatIfSchema>;

/** Zod's issues as the error contract's field errors (`closesAt`, or `3.closesAt` under a prefix), in zh-CN. */
export function fieldErrorsOf(issues: readonly z.core.$ZodIssue[], prefix: Array<string | number> = []): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of issues) {
    const key = [...prefix, ...issue.path].join('.') || '_body';
    errors[key] ??=
      issue.code === 'unrecognized_keys' ? t('directReport.calendar.unknownKeys', { keys: issue.keys.join('、') }) : issue.message;
  }
  return errors;
}

/** A batch's field errors keyed as the error contract has them (`3.closesAt`), the first 100 items' at most. */
export function batchErrors(items: unknown[], schema: z.ZodType): Record<string, string> {
  let errors: Record<string, string> = {};
  for (const [i, item] of items.entries()) {
    const parsed = schema.safeParse(item);
    if (!parsed.success) errors = { ...errors, ...fieldErrorsOf(parsed.error.issues, [i]) };
    if (Object.keys(errors).length >= 100) break;
  }
  return errors;
}
