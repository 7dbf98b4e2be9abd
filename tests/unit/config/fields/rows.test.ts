import { describe, expect, it } from 'vitest';
import { agencyForm, formatAnswer, parseForm, readFormValues, statisticianForm, statisticianSchema } from '../../../../config/src/index.ts';

const unitsField = statisticianForm.fields.find((f) => f.name === 'serviceUnits');
const person = {
  name: '王芳',
  idNumber: '11010519491231002X',
  phone: '13800138000',
  education: '本科',
  qualification: '统计师',
  employer: '成都某制造有限公司',
  registeredBy: 'self',
};
const unit = (code: string, name = '某单位', role = 'specialised') => ({ code, name, role });

describe('repeatable rows', () => {
  it('reads rows posted as name.<row>.<column> in row order, keeping what was typed', () => {
    const data = new FormData();
    data.append('serviceUnits.1.code', ' 91510104ma0000802y ');
    data.append('serviceUnits.0.code', '91510104MA0000801U');
    data.append('serviceUnits.0.name', '甲');
    data.append('serviceUnits.1.role', 'comprehensive');
    data.append('serviceUnits.0.unknown', 'ignored');
    expect(readFormValues(statisticianForm, data).serviceUnits).toEqual([
      { code: '91510104MA0000801U', name: '甲', role: '' },
      { code: ' 91510104ma0000802y ', name: '', role: 'comprehensive' },
    ]);
  });

  it('reads a blank row of a list that may be empty as no row, and keeps one that is partly typed', () => {
    const data = new FormData();
    const posted: Array<[string, string]> = [
      ['delegators.0.code', ' '],
      ['delegators.0.name', ''],
      ['delegators.1.code', ''],
      ['delegators.1.name', '成都甲制造有限公司'],
    ];
    for (const [name, value] of posted) data.append(name, value);
    expect(readFormValues(agencyForm, data).delegators).toEqual([{ code: '', name: '成都甲制造有限公司' }]);
    const blank = new FormData();
    blank.append('serviceUnits.0.code', '');
    expect(readFormValues(statisticianForm, blank).serviceUnits).toEqual([{ code: '', name: '', role: '' }]);
  });

  it('reports each cell’s problem under the name its input is posted with', () => {
    const parsed = parseForm(statisticianSchema, { ...person, serviceUnits: [unit('91510104MA0000801U'), unit('91510104MA00008011', '')] });
    expect(parsed).toEqual({
      ok: false,
      fields: {
        'serviceUnits.1.code': '统一社会信用代码的校验码（最后一位）不正确，请核对后重新输入',
        'serviceUnits.1.name': '请输入单位名称',
      },
    });
  });

  it('refuses a repeated unit on the later row, and 0 or 31 rows on the field', () => {
    const twice = parseForm(statisticianSchema, { ...person, serviceUnits: [unit('91510104MA0000801U'), unit('91510104ma0000801u')] });
    expect(twice).toEqual({ ok: false, fields: { 'serviceUnits.1.code': '统计服务单位 91510104MA0000801U 重复填写' } });
    for (const serviceUnits of [[], Array.from({ length: 31 }, () => unit('91510104MA0000801U'))])
      expect(parseForm(statisticianSchema, { ...person, serviceUnits })).toMatchObject({
        ok: false,
        fields: { serviceUnits: '请填写1至30个统计服务单位' },
      });
  });

  it('prints one line per row with the labels of its choices', () => {
    expect(formatAnswer(unitsField as never, [unit('91510104MA0000801U', '甲', 'comprehensive'), unit('91510104MA0000802Y', '乙')])).toBe(
      '91510104MA0000801U 甲 综合统计\n91510104MA0000802Y 乙 专业统计',
    );
  });
});
