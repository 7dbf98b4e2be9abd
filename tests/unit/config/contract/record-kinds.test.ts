import { describe, expect, it } from 'vitest';
import { endpoints, pathOf, recordKinds, submissionKindIds } from '../../../../config/src/contract/index.ts';
import { kindOfRecordNo, submissionKinds } from '../../../../config/src/submissions.ts';

describe('the record-kind table', () => {
  it('is where the submission kinds take their prefixes and whether they issue a password', () => {
    expect(Object.keys(submissionKinds)).toEqual([...submissionKindIds]);
    for (const id of submissionKindIds) {
      expect(submissionKinds[id].prefix).toBe(recordKinds[id].prefix);
      expect(submissionKinds[id].issuesPassword).toBe(recordKinds[id].issuesPassword);
    }
  });

  it('gives every kind its own prefix', () => {
    const prefixes = Object.values(recordKinds).map((kind) => kind.prefix);
    expect(new Set(prefixes).size).toBe(prefixes.length);
  });

  it('recognises the numbers of the submission kinds and no others', () => {
    expect(kindOfRecordNo('CG-2026-000001')).toBe('outcome');
    expect(kindOfRecordNo('TJ-2026-000001')).toBeUndefined();
    expect(kindOfRecordNo('JG-2026-00001')).toBeUndefined();
  });
});

describe('the contract’s paths', () => {
  it('fills in and encodes path parameters, the export format included', () => {
    expect(pathOf(endpoints.formPdf, { no: 'JG-2026-000001' })).toBe('/api/public/records/JG-2026-000001/form.pdf');
    expect(pathOf(endpoints.exportReport, { period: '2026-10', format: 'csv' })).toBe('/api/direct-report/reports/2026-10.csv');
    expect(pathOf(endpoints.notice, { key: 'a/b' })).toBe('/api/public/notices/a%2Fb');
  });

  it('refuses to build a path with a parameter missing', () => {
    expect(() => pathOf(endpoints.deskRecord, {})).toThrow('/review-desk/records/:no needs the parameter no');
  });
});
