import { z } from 'zod';
import { decisionVerbs } from '../contract/record-kinds.ts';
import { t } from '../i18n/messages.ts';
import { isIsoDate } from '../validators/date.ts';

/** What a reviewer sends for 通过 / 退回修改 / 不通过. */

const calendarDate = z.string({ error: t('workflow.decision.date') }).refine(isIsoDate, t('workflow.decision.date'));
const optionalDate = z.preprocess((value) => (value === '' || value === null ? undefined : value), calendarDate.optional());

export const decisionSchema = z
  .object({
    action: z.enum(decisionVerbs, { error: t('workflow.decision.action') }),
    reason: z
      .string({ error: t('workflow.decision.reasonTooLong') })
      .max(2000, t('workflow.decision.reasonTooLong'))
      .optional(),
    /** The access period of an approved data application (seeds/000 §二 数据使用期限). */
    accessStart: optionalDate,
    accessEnd: optionalDate,
  })
  .superRefine((value, ctx) => {
    if (Boolean(value.accessStart) !== Boolean(value.accessEnd))
      ctx.addIssue({ code: 'custom', path: [value.accessStart ? 'accessEnd' : 'accessStart'], message: t('workflow.decision.accessPair') });
    else if (value.accessStart && value.accessEnd && value.accessEnd < value.accessStart)
      ctx.addIssue({ code: 'custom', path: ['accessEnd'], message: t('workflow.decision.accessOrder') });
  });

export type DecisionInput = z.infer<typeof decisionSchema>;
