import { describe, expect, it } from 'vitest';
import { contentDisposition, fileNameOf } from '../../../../config/src/contract/content-disposition.ts';

describe('the file name of a download', () => {
  it('carries a Chinese name whole through the header and back', () => {
    const header = contentDisposition('attachment', '盖章申请表 (第2页).png');
    expect(fileNameOf(header)).toBe('盖章申请表 (第2页).png');
  });

  it('gives old clients an ASCII fallback without quotes that would end the parameter', () => {
    expect(contentDisposition('inline', '扫描件"a".pdf')).toBe(
      `inline; filename="____a_.pdf"; filename*=UTF-8''${encodeURIComponent('扫描件"a".pdf')}`,
    );
  });

  it('prefers filename* over filename, as RFC 6266 asks', () => {
    expect(fileNameOf(`attachment; filename="scan.pdf"; filename*=UTF-8''%E6%89%AB%E6%8F%8F.pdf`)).toBe('扫描.pdf');
  });

  it('reads a plain filename, quoted or not, when no filename* is given', () => {
    expect(fileNameOf('attachment; filename="direct-report-2026-10.xlsx"')).toBe('direct-report-2026-10.xlsx');
    expect(fileNameOf('attachment; filename=review-2026.csv')).toBe('review-2026.csv');
  });

  it('falls back to filename when filename* is malformed, and has no name without either', () => {
    expect(fileNameOf(`attachment; filename="scan.pdf"; filename*=UTF-8''%E6%89`)).toBe('scan.pdf');
    expect(fileNameOf('attachment')).toBeUndefined();
    expect(fileNameOf(null)).toBeUndefined();
  });
});
