import { describe, expect, it } from 'vitest';
import { buildFormSchema, parseForm } from '../../../../config/src/fields/form-schema.ts';
import type { Field, FormDefinition } from '../../../../config/src/fields/types.ts';

const form = (fields: readonly Field[]): FormDefinition => ({
  id: 'test-form',
  title: '测试',
  phoneField: 'phone',
  applicantField: 'name',
  fields,
});

describe('buildFormSchema', () => {
  it('throws naming the form and the field when a field type is unknown', () => {
    const broken = form([{ name: 'colour', type: 'colour-picker', label: '颜色' } as unknown as Field]);
    expect(() => buildFormSchema(broken)).toThrow('Form "test-form": field "colour" has unknown type "colour-picker"');
  });

  it('names the field in the message for a missing, empty, wrong-type or too long answer', () => {
    const schema = buildFormSchema(form([{ name: 'name', type: 'text', label: '姓名', maxLength: 4 }]));
    expect(parseForm(schema, {})).toEqual({ ok: false, fields: { name: '请输入姓名' } });
    expect(parseForm(schema, { name: '   ' })).toEqual({ ok: false, fields: { name: '请输入姓名' } });
    expect(parseForm(schema, { name: 42 })).toEqual({ ok: false, fields: { name: '姓名的格式不正确' } });
    expect(parseForm(schema, { name: '欧阳司马长' })).toEqual({ ok: false, fields: { name: '姓名不能超过4个字' } });
    expect(parseForm(schema, { name: ' 张三 ' })).toEqual({ ok: true, values: { name: '张三' } });
  });

  it('refuses control characters such as NUL, but keeps line breaks in a textarea', () => {
    const schema = buildFormSchema(
      form([
        { name: 'name', type: 'text', label: '姓名' },
        { name: 'purpose', type: 'textarea', label: '研究目的' },
      ]),
    );
    expect(parseForm(schema, { name: '张\u0000三', purpose: '目的\u001b' })).toEqual({
      ok: false,
      fields: { name: '姓名含有无法识别的字符，请删除后重新输入', purpose: '研究目的含有无法识别的字符，请删除后重新输入' },
    });
    expect(parseForm(schema, { name: '张三😀', purpose: '第一行\r\n\t第二行' })).toEqual({
      ok: true,
      values: { name: '张三😀', purpose: '第一行\r\n\t第二行' },
    });
  });

  it('drops keys the form does not know, including __proto__', () => {
    const schema = buildFormSchema(form([{ name: 'name', type: 'text', label: '姓名' }]));
    const parsed = parseForm(schema, JSON.parse('{"name":"张三","__proto__":{"polluted":true},"status":"approved"}'));
    expect(parsed).toEqual({ ok: true, values: { name: '张三' } });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('turns an empty optional answer into no answer', () => {
    const schema = buildFormSchema(form([{ name: 'website', type: 'url', label: '单位网址', optional: true }]));
    expect(parseForm(schema, { website: '' })).toEqual({ ok: true, values: { website: undefined } });
    expect(parseForm(schema, { website: 'bad url' })).toMatchObject({ ok: false });
  });

  it('accepts one ticked box as a string and refuses options not on the list', () => {
    const field: Field = {
      name: 'kinds',
      type: 'checkboxes',
      label: '收录情况',
      options: [
        { value: 'sci', label: 'SCI' },
        { value: 'ei', label: 'EI' },
      ],
    };
    const schema = buildFormSchema(form([field]));
    expect(parseForm(schema, { kinds: 'sci' })).toEqual({ ok: true, values: { kinds: ['sci'] } });
    expect(parseForm(schema, { kinds: ['sci', 'sci', 'ei'] })).toEqual({ ok: true, values: { kinds: ['sci', 'ei'] } });
    expect(parseForm(schema, { kinds: [] })).toEqual({ ok: false, fields: { kinds: '请至少选择一项收录情况' } });
    expect(parseForm(schema, { kinds: ['nature'] })).toEqual({ ok: false, fields: { kinds: '请从列表中选择收录情况' } });
  });

  it('refuses a choice from the CMS whose value holds a NUL or another control character, as not on the list', () => {
    // Options of these fields come from the database (institutions, the catalog), which cannot compare text holding NUL.
    const schema = buildFormSchema(
      form([
        { name: 'institution', type: 'select', label: '申请机构', source: 'institutions' },
        { name: 'datasets', type: 'checkboxes', label: '数据目录', source: 'catalog' },
      ]),
    );
    expect(parseForm(schema, { institution: 'JG2026000001\u0000', datasets: ['census-2010\u0000'] })).toEqual({
      ok: false,
      fields: { institution: '请从列表中选择申请机构', datasets: '请从列表中选择数据目录' },
    });
    expect(parseForm(schema, { institution: 'JG2026000001', datasets: 'census\u001b' })).toMatchObject({
      fields: { datasets: '请从列表中选择数据目录' },
    });
    expect(parseForm(schema, { institution: 'JG2026000001', datasets: ['census-2010'] })).toEqual({
      ok: true,
      values: { institution: 'JG2026000001', datasets: ['census-2010'] },
    });
  });

  it('requires a consent box to be ticked', () => {
    const schema = buildFormSchema(form([{ name: 'agree', type: 'consent', label: '承诺', statement: 'x' }]));
    expect(parseForm(schema, {})).toEqual({ ok: false, fields: { agree: '请阅读并勾选同意后再继续' } });
    expect(parseForm(schema, { agree: 'on' })).toEqual({ ok: true, values: { agree: true } });
  });

  it('refuses a date that is not on the calendar', () => {
    const schema = buildFormSchema(form([{ name: 'start', type: 'date', label: '开始日期' }]));
    expect(parseForm(schema, { start: '2026-02-30' })).toEqual({ ok: false, fields: { start: '开始日期应为有效日期，如 2026-09-01' } });
    expect(parseForm(schema, { start: '2026-02-28' })).toEqual({ ok: true, values: { start: '2026-02-28' } });
  });

  it('refuses month 13, day 32 and 29 February of a common year with the field’s message, and takes a leap day', () => {
    const schema = buildFormSchema(form([{ name: 'start', type: 'date', label: '开始日期' }]));
    for (const start of ['2026-13-01', '2026-01-32', '2026-02-29', '2026-00-10'])
      expect(parseForm(schema, { start }), start).toEqual({ ok: false, fields: { start: '开始日期应为有效日期，如 2026-09-01' } });
    expect(parseForm(schema, { start: '2028-02-29' })).toEqual({ ok: true, values: { start: '2028-02-29' } });
  });

  it('normalises phone, ID and credit code answers through their validators', () => {
    const schema = buildFormSchema(
      form([
        { name: 'phone', type: 'phone', label: '联系电话' },
        { name: 'id', type: 'idCard', label: '身份证号码' },
        { name: 'code', type: 'creditCode', label: '统一社会信用代码' },
      ]),
    );
    expect(parseForm(schema, { phone: '+86 138-0013-8000', id: '11010519491231002x', code: '91350100m000100y43' })).toEqual({
      ok: true,
      values: { phone: '13800138000', id: '11010519491231002X', code: '91350100M000100Y43' },
    });
    expect(parseForm(schema, { phone: '', id: '110105194912310021', code: '' })).toEqual({
      ok: false,
      fields: { phone: '请输入联系电话', id: '身份证号码的校验位（最后一位）不正确，请核对后重新输入', code: '请输入统一社会信用代码' },
    });
  });
});
