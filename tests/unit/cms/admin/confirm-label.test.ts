import { describe, expect, it } from 'vitest';
import { confirmLabel } from '../../../../cms/src/admin/confirm-label.ts';

describe('the confirming button of a bureau action', () => {
  it('puts 确认 before the action', () => {
    expect(confirmLabel('不通过')).toBe('确认不通过');
    expect(confirmLabel('县区审核通过')).toBe('确认县区审核通过');
  });

  it('says 确认生效 once for the province, not 确认确认生效', () => {
    expect(confirmLabel('确认生效')).toBe('确认生效');
  });
});
