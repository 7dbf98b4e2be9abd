import { describe, expect, it } from 'vitest';
import { statisticianForm } from '../../../../config/src/forms/statistician.ts';
import { moveRows, refusedRowRemoval } from '../../../../site/src/lib/rows.ts';

const unit = (code: string) => ({ code, name: '成都甲制造有限公司', role: 'general' });
const oneRow = { serviceUnits: [unit('91510104MA0000801U')] };
const twoRows = { serviceUnits: [unit('91510104MA0000801U'), unit('91510104MA0000802Y')] };

describe('removing a service unit without JavaScript', () => {
  it('keeps the only row and says why it cannot be removed', () => {
    expect(moveRows(statisticianForm, oneRow, 'remove-row:serviceUnits:0')).toEqual(oneRow);
    expect(refusedRowRemoval(statisticianForm, oneRow, 'remove-row:serviceUnits:0')).toEqual({
      serviceUnits: '至少需要1个统计服务单位，不能删除唯一的一个；如需更换，请直接修改其内容',
    });
  });

  it('removes a row when another remains, and says nothing', () => {
    expect(moveRows(statisticianForm, twoRows, 'remove-row:serviceUnits:1')).toEqual(oneRow);
    expect(refusedRowRemoval(statisticianForm, twoRows, 'remove-row:serviceUnits:1')).toBeUndefined();
  });

  it('has nothing to say about adding a row or continuing', () => {
    expect(refusedRowRemoval(statisticianForm, oneRow, 'add-row:serviceUnits')).toBeUndefined();
    expect(refusedRowRemoval(statisticianForm, oneRow, 'continue')).toBeUndefined();
  });
});
