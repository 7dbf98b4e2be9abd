import { describe, expect, it } from 'vitest';
import type { Field, FormDefinition } from '../../../../config/src/fields/types.ts';
import { agencyDocuments, agencyForm } from '../../../../config/src/forms/agency.ts';
import {
  agencyFormIn,
  agencySchemaIn,
  agencyUploadLabel,
  type FormId,
  formIn,
  formSchemaIn,
  forms,
  formsEnglish,
  printedFormIn,
  statisticianFormIn,
  statisticianSchemaIn,
} from '../../../../config/src/forms/index.ts';
import { statisticianForm } from '../../../../config/src/forms/statistician.ts';

const CJK = /[\u3400-\u9fff]/;
const formIds = Object.keys(forms) as FormId[];

/** Every text of a field a person reads: label, hint, options, and its columns' too. */
const textsOf = (field: Field): string[] => [
  field.label,
  ...('hint' in field && field.hint ? [field.hint] : []),
  ...(field.section ? [field.section] : []),
  ...('options' in field && Array.isArray(field.options) ? field.options.map((option: { label: string }) => option.label) : []),
  ...(field.type === 'rows' ? [field.rowNoun, ...field.columns.flatMap((column) => textsOf(column as Field))] : []),
];

describe('the forms in English', () => {
  it.each(formIds)('gives every field, option, section, rule and upload of %s English words', (id) => {
    const form = formIn(id, 'en');
    const leftInChinese = [
      form.title,
      form.submitLabel ?? '',
      form.submitNote ?? '',
      ...form.fields.flatMap(textsOf),
      ...(form.rules ?? []).map((rule) => rule.message),
      ...(form.uploads ?? []).map((upload) => upload.label),
    ].filter((text) => CJK.test(text));
    expect(leftInChinese).toEqual([]);
    expect(formsEnglish[id].rules?.length ?? 0).toBe((forms[id] as FormDefinition).rules?.length ?? 0);
  });

  it.each(formIds)('names no field of %s that the form does not have', (id) => {
    const names = forms[id].fields.map((field) => field.name);
    expect(Object.keys(formsEnglish[id].fields).filter((name) => !names.includes(name as never))).toEqual([]);
  });

  it('keeps the zh-CN form as it is', () => {
    expect(formIn('institution', 'zh-CN')).toBe(forms.institution);
  });

  it('refuses answers with English messages that name the field in English', () => {
    const parsed = formSchemaIn('data-application', 'en').safeParse({
      leaderPhone: '123',
      usePeriodStart: '2027-01-01',
      usePeriodEnd: '2026-01-01',
    });
    const messages = Object.fromEntries((parsed.error?.issues ?? []).map((issue) => [issue.path.join('.'), issue.message]));
    expect(messages.agreeInstructions).toMatchInlineSnapshot(`"Read and tick to agree before you continue"`);
    expect(messages.projectName).toMatchInlineSnapshot(`"Enter Project name"`);
    expect(messages.leaderPhone).toMatchInlineSnapshot(`"Enter an 11-digit mainland China mobile number, like 138 0013 8000"`);
    expect(
      formSchemaIn('data-application', 'zh-CN')
        .safeParse({})
        .error?.issues.find((issue) => issue.path[0] === 'projectName')?.message,
    ).toBe('请输入项目名称');
  });

  it('prints an English application with the Chinese words beside the English ones, for the reviewer', () => {
    const printed = printedFormIn('outcome', 'en');
    expect(printed.title).toBe('Final outcome registration form 最终成果登记表');
    const outcomeForm = printed.fields.find((field) => field.name === 'outcomeForm');
    expect(outcomeForm?.label).toBe('Form of the final outcome 最终成果形式');
    expect(outcomeForm && 'options' in outcomeForm ? outcomeForm.options?.[0] : undefined).toEqual({
      value: 'journal',
      label: 'Journal article 期刊论文',
    });
    expect(printedFormIn('outcome', 'zh-CN')).toBe(forms.outcome);
  });

  it('gives the statistics staff’s and the agencies’ forms English words, but for the county names', () => {
    const english = [statisticianFormIn('en'), agencyFormIn('en')].flatMap((form) => [
      form.title,
      ...form.fields.filter((field) => field.name !== 'countyCode').flatMap(textsOf),
    ]);
    expect(english.filter((text) => CJK.test(text))).toEqual([]);
    expect(agencyFormIn('en').fields.find((field) => field.name === 'countyCode')?.label).toBe('County, city or district');
    expect(agencyDocuments.map((document) => agencyUploadLabel(document, 'en'))).toEqual(['Business licence', 'Legal person certificate']);
    expect(statisticianFormIn('zh-CN')).toBe(statisticianForm);
    expect(agencyFormIn('zh-CN')).toBe(agencyForm);
  });

  it('refuses a statistician’s and an agency’s answers in English, and in zh-CN on the Chinese pages', () => {
    const messageOn = (issues: readonly { path: PropertyKey[]; message: string }[] | undefined, field: string) =>
      issues?.find((issue) => issue.path[0] === field)?.message;
    expect(messageOn(statisticianSchemaIn('en').safeParse({ idNumber: '123' }).error?.issues, 'idNumber')).toMatchInlineSnapshot(
      `"An ID card number is 18 characters: 17 digits, then a digit or X"`,
    );
    expect(messageOn(statisticianSchemaIn('zh-CN').safeParse({ idNumber: '123' }).error?.issues, 'idNumber')).toBe(
      '身份证号码应为18位：前17位是数字，最后一位是数字或X',
    );
    expect(messageOn(agencySchemaIn('en').safeParse({}).error?.issues, 'agencyName')).toMatchInlineSnapshot(`"Enter Agency name"`);
  });
});
