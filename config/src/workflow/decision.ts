import { z } from 'zod';
import { decisionVerbs } from '../contract/record-kinds.ts';
import { isIsoDate } from '../validators/date.ts';

/** What a reviewer sends for 通过 / 退回修改 / 不通过. */
export const decisionMessages = {
  action: '请选择审核决定：通过、退回修改或不通过',
  reasonTooLong: '理由不能超过2000个字',
  date: '请按 2026-12-01 的格式填写日期',
  accessPair: '数据使用期限的开始和结束日期要同时填写',
  accessOrder: '数据使用期限的结束日期不能早于开始日期',
  accessOnlyForData: '只有数据使用申请可以设定数据使用期限',
} as const;

const calendarDate = z.string({ error: decisionMessages.date }).refine(isIsoDate, decisionMessages.date);
const optionalDate = z.preprocess((value) => (value === '' || value === null ? undefined : value), calendarDate.optional());

export const decisionSchema = z
  .object({
    action: z.enum(decisionVerbs, { error: decisionMessages.action }),
    reason: z.string({ error: decisionMessages.reasonTooLong }).max(2000, decisionMessages.reasonTooLong).optional(),
    /** The access period of an approved data application (seeds/000 §二 数据使用期限). */
    accessStart: optionalDate,
    accessEnd: optionalDate,
  })
  .superRefine((value, ctx) => {
    if (Boolean(value.accessStart) !== Boolean(value.accessEnd))
      ctx.addIssue({ code: 'custom', path: [value.accessStart ? 'accessEnd' : 'accessStart'], message: decisionMessages.accessPair });
    else if (value.accessStart && value.accessEnd && value.accessEnd < value.accessStart)
      ctx.addIssue({ code: 'custom', path: ['accessEnd'], message: decisionMessages.accessOrder });
  });

export type DecisionInput = z.infer<typeof decisionSchema>;
