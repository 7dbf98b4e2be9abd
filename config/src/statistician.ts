/**
 * 统计从业人员注册登记 (seeds/004 §十 to §十三, direct-report-rule.md "Statistics staff"): who a
 * statistician is, and the 1–30 enterprises (统计服务单位) they report for.
 */
import { z } from 'zod';
import { fieldSchema } from './fields/schema.ts';
import type { Field } from './fields/types.ts';
import { parseCreditCode } from './validators/credit-code.ts';

export const MAX_SERVICE_UNITS = 30;

export const statisticianFields = [
  { name: 'name', type: 'text', label: '姓名', maxLength: 50, autocomplete: 'name' },
  { name: 'idNumber', type: 'idCard', label: '身份证号码', hint: '18位居民身份证号码；性别和出生日期由号码得出，无需填写' },
  { name: 'phone', type: 'phone', label: '手机号码' },
  { name: 'email', type: 'email', label: '电子邮箱', optional: true },
  {
    name: 'education',
    type: 'select',
    label: '学历',
    options: ['高中及以下', '中专', '大专', '本科', '硕士研究生', '博士研究生'].map((v) => ({ value: v, label: v })),
  },
  {
    name: 'qualification',
    type: 'select',
    label: '统计专业技术资格/职称',
    options: ['无', '统计员', '助理统计师', '统计师', '高级统计师', '正高级统计师'].map((v) => ({ value: v, label: v })),
  },
  { name: 'employer', type: 'text', label: '工作单位', maxLength: 200 },
  {
    name: 'registeredBy',
    type: 'radios',
    label: '注册方式',
    options: [
      { value: 'self', label: '本人注册' },
      { value: 'on_behalf', label: '由本单位综合统计人员代为注册' },
    ],
  },
] as const satisfies readonly Field[];

export const serviceUnitRoles = { comprehensive: '综合统计', specialised: '专业统计' } as const;

export const statisticianMessages = {
  units: `请填写1至${MAX_SERVICE_UNITS}个统计服务单位`,
  duplicateUnit: (code: string) => `统计服务单位 ${code} 重复填写`,
  unitName: '请输入服务单位名称',
  unitRole: '请选择在该单位承担的工作（综合统计或专业统计）',
  /** seeds/004 §十二: one registration per ID number; add units to it instead. */
  alreadyRegistered:
    '该身份证号码已注册登记。每人只能注册一次：如需增加服务单位，请在原注册表的“统计服务单位情况”中增加；原注册表无法打开时，请联系当地统计局开放注册表。',
  /** seeds/004 §十: the platform asks for a registration before reporting. */
  gateRefused: '本企业尚无已注册登记的统计人员。请先在统计从业人员注册登记系统注册后再报表。',
  gateAllowed: '本企业已有注册登记的统计人员，可以报表。',
} as const;

const serviceUnit = z.object({
  code: z.string({ error: '请输入统一社会信用代码' }).transform((input, ctx) => {
    const result = parseCreditCode(input);
    if (result.ok) return result.value;
    ctx.addIssue({ code: 'custom', message: result.message });
    return z.NEVER;
  }),
  name: z.string({ error: statisticianMessages.unitName }).trim().min(1, statisticianMessages.unitName).max(200),
  role: z.enum(['comprehensive', 'specialised'], { error: statisticianMessages.unitRole }),
});

export const statisticianSchema = z.object({
  ...Object.fromEntries(statisticianFields.map((f) => [f.name, fieldSchema(f)])),
  serviceUnits: z
    .array(serviceUnit, { error: statisticianMessages.units })
    .min(1, statisticianMessages.units)
    .max(MAX_SERVICE_UNITS, statisticianMessages.units)
    .superRefine((units, ctx) => {
      const seen = new Set<string>();
      for (const [i, unit] of units.entries()) {
        if (seen.has(unit.code))
          ctx.addIssue({ code: 'custom', path: [i, 'code'], message: statisticianMessages.duplicateUnit(unit.code) });
        seen.add(unit.code);
      }
    }),
}) as unknown as z.ZodType<StatisticianValues>;

export interface ServiceUnit {
  code: string;
  name: string;
  role: keyof typeof serviceUnitRoles;
}
export interface StatisticianValues {
  name: string;
  idNumber: string;
  phone: string;
  email?: string;
  education: string;
  qualification: string;
  employer: string;
  registeredBy: 'self' | 'on_behalf';
  serviceUnits: ServiceUnit[];
}
