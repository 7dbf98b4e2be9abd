import { describe, expect, it } from 'vitest';

// cms/ compiles as CommonJS under its own tsconfig: a static import would pull its sources into
// the root typecheck (as tests/unit/cms/lib/scan-file.test.ts does it).
const confirmLabelPath = '../../../../cms/src/admin/confirm-label.ts';
const { confirmLabel } = (await import(confirmLabelPath)) as { confirmLabel(action: string): string };

describe('the confirming button of a bureau action', () => {
  it('puts 确认 before the action', () => {
    expect(confirmLabel('不通过')).toBe('确认不通过');
    expect(confirmLabel('县区审核通过')).toBe('确认县区审核通过');
  });

  it('says 确认生效 once for the province, not 确认确认生效', () => {
    expect(confirmLabel('确认生效')).toBe('确认生效');
  });
});
