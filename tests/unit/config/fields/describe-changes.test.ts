import { describe, expect, it } from 'vitest';
import { describeChanges } from '../../../../config/src/fields/describe-changes.ts';
import { statisticianFieldLabels, statisticianForm } from '../../../../config/src/forms/statistician.ts';

const unit = (code: string, name: string, role = 'specialised') => ({ code, name, role });
const describeEdit = (changes: Parameters<typeof describeChanges>[0]) =>
  describeChanges(changes, statisticianForm.fields, statisticianFieldLabels, { male: '男', female: '女' });

describe('an edit as the history reads it', () => {
  it('names the row and the column of a changed service unit, not the JSON of both lists', () => {
    const from = [unit('91510104MA0000801U', '甲公司'), unit('91510104MA0000802Y', 'A')];
    const to = [unit('91510104MA0000801U', '甲公司'), unit('91510104MA0000802Y', 'B', 'comprehensive')];
    expect(describeEdit({ serviceUnits: { from, to } })).toEqual([
      '统计服务单位 2 的单位名称：A → B',
      '统计服务单位 2 的承担的工作：专业统计 → 综合统计',
    ]);
  });

  it('says which row was added or removed, with its answers in words', () => {
    const one = [unit('91510104MA0000801U', '甲公司')];
    const two = [...one, unit('91510104MA0000802Y', '乙公司', 'comprehensive')];
    expect(describeEdit({ serviceUnits: { from: one, to: two } })).toEqual(['添加统计服务单位 2：91510104MA0000802Y 乙公司 综合统计']);
    expect(describeEdit({ serviceUnits: { from: two, to: one } })).toEqual(['删除统计服务单位 2：91510104MA0000802Y 乙公司 综合统计']);
  });

  it('shows a choice by its label, a stored-only field by its name, and a personal one without values', () => {
    expect(
      describeEdit({
        registeredBy: { from: 'self', to: 'on_behalf' },
        gender: { from: 'male', to: 'female' },
        phone: { withheld: true },
        email: { from: null, to: 'a@b.cn' },
      }),
    ).toEqual(['注册方式：本人注册 → 由本单位综合统计人员代为注册', '性别：男 → 女', '手机号码已修改', '电子邮箱：（空） → a@b.cn']);
  });
});
