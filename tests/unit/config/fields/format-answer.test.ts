import { describe, expect, it } from 'vitest';
import { formatAnswer } from '../../../../config/src/fields/format-answer.ts';
import { fields } from '../../../../config/src/forms/outcome.ts';

const field = (name: string) => {
  const found = fields.find((f) => f.name === name);
  if (!found) throw new Error(name);
  return found;
};

describe('formatAnswer', () => {
  it('shows option labels, joined with the Chinese enumeration comma', () => {
    expect(formatAnswer(field('indexing'), ['ssci', 'cssci'])).toBe('SSCI、CSSCI');
    expect(formatAnswer(field('outcomeForm'), 'journal')).toBe('期刊论文');
  });

  it('uses labels supplied from the CMS for options it does not define', () => {
    const catalog = { name: 'datasets', type: 'checkboxes', label: '目录', source: 'catalog' } as const;
    expect(formatAnswer(catalog, ['census-6'], [{ value: 'census-6', label: '第六次全国人口普查' }])).toBe('第六次全国人口普查');
  });

  it('prints nothing for an unanswered optional question', () => {
    expect(formatAnswer(field('author2'), undefined)).toBe('');
  });
});
