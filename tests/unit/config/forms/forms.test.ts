import { describe, expect, it } from 'vitest';
import { forms } from '../../../../config/src/forms/index.ts';
import { makeQueryPassword, normaliseQueryPassword, PASSWORD_ALPHABET } from '../../../../config/src/query-password.ts';
import { formatRecordNo, kindOfRecordNo } from '../../../../config/src/submissions.ts';

describe('the public forms', () => {
  it('give every field a unique name and a Chinese label', () => {
    for (const form of Object.values(forms)) {
      const names = form.fields.map((f) => f.name);
      expect(new Set(names).size, form.id).toBe(names.length);
      for (const field of form.fields) expect(field.label, `${form.id}.${field.name}`).toMatch(/\p{Script=Han}/u);
      expect(names, form.id).toContain(form.phoneField);
      expect(names, form.id).toContain(form.applicantField);
    }
  });

  it('lists the rows of the seed institution form in its order', () => {
    expect(forms.institution.fields.map((f) => f.label)).toEqual([
      '申请须知',
      '机构单位全称',
      '统一社会信用代码',
      '单位网址',
      '缩写-简称',
      '英文名',
      '通讯地址',
      '电子邮箱',
      '法人代表姓名',
      '法人代表职务',
      '法人代表职称',
      '联系人姓名',
      '联系人职务',
      '联系人职称',
      '联系人电话',
      '联系人邮箱',
      '申请单位承诺',
    ]);
  });
});

describe('record numbers', () => {
  it('are prefix, year and a six-digit sequence', () => {
    expect(formatRecordNo('JG', 2026, 123)).toBe('JG-2026-000123');
    expect(kindOfRecordNo('SY-2026-000001')).toBe('data-application');
    expect(kindOfRecordNo('CG-2026-000001')).toBe('outcome');
    expect(kindOfRecordNo('XX-2026-000001')).toBeUndefined();
    expect(kindOfRecordNo('SY-2026-1')).toBeUndefined();
  });
});

describe('query passwords', () => {
  it('use ten unambiguous characters in groups of four, four and two', () => {
    let counter = 0;
    const bytes = (n: number) => Uint8Array.from({ length: n }, () => counter++ % 256);
    const password = makeQueryPassword(bytes);
    expect(password).toMatch(/^[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{2}$/);
    expect(PASSWORD_ALPHABET).not.toMatch(/[01ILO]/);
    expect(Math.log2(PASSWORD_ALPHABET.length) * 10).toBeGreaterThanOrEqual(40);
  });

  it('skips bytes that would make some characters likelier than others', () => {
    const password = makeQueryPassword((n) => Uint8Array.from({ length: n }, (_, i) => (i % 2 === 0 ? 255 : 0)));
    expect(password).toBe('2222-2222-22');
  });

  it('are read back whatever the case, spaces or hyphens', () => {
    expect(normaliseQueryPassword(' abcd-efgh 2k ')).toBe('ABCDEFGH2K');
  });
});
