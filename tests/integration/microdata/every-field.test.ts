import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_MAX_LENGTH } from '../../../config/src/fields/schema.ts';
import type { Field } from '../../../config/src/fields/types.ts';
import { forms } from '../../../config/src/forms/index.ts';
import { fieldErrors, postJson } from '../support/http.ts';
import { bootCms, type TestCms } from '../support/strapi.ts';

/** Every public submission route, with its form definition: the API must refuse each field on its own terms. */
const ROUTES = [
  ['/api/public/institutions', forms.institution],
  ['/api/public/data-applications', forms['data-application']],
  ['/api/public/change-applications', forms['change-application']],
  ['/api/public/outcomes', forms.outcome],
] as const;

const isText = (field: Field) => field.type === 'text' || field.type === 'textarea';
const maxOf = (field: Field) =>
  field.type === 'text' || field.type === 'textarea' ? (field.maxLength ?? DEFAULT_MAX_LENGTH[field.type]) : 0;

describe.each(ROUTES)('POST %s, field by field', (path, form) => {
  let cms: TestCms;
  const count = async () => {
    const table = path.split('/').pop()?.replaceAll('-', '_') ?? '';
    return Number((await cms.strapi.db.connection(table).count({ n: '*' }))[0]?.n);
  };
  beforeAll(async () => {
    cms = await bootCms(`every_${form.id.replaceAll('-', '_')}`);
  });
  afterAll(async () => {
    await cms?.stop();
  });

  it('names every required field when all are missing, and writes nothing', async () => {
    const { status, body } = await postJson(cms.url, path, {});
    expect(status).toBe(400);
    const required = form.fields.filter((f: Field) => !f.optional).map((f: Field) => f.name);
    expect(Object.keys(fieldErrors(body)).sort()).toEqual([...required].sort());
    for (const message of Object.values(fieldErrors(body))) expect(message).toMatch(/^请/);
    expect(await count()).toBe(0);
  });

  it('refuses a wrong type in every field with a message naming it', async () => {
    const wrong = Object.fromEntries(form.fields.map((f: Field) => [f.name, f.type === 'consent' ? 'perhaps' : { nested: true }]));
    const { status, body } = await postJson(cms.url, path, wrong);
    expect(status).toBe(400);
    const errors = fieldErrors(body);
    for (const field of form.fields as readonly Field[]) expect(errors[field.name], field.name).toBeTruthy();
    expect(await count()).toBe(0);
  });

  it('refuses an over-long answer in every text field, with its limit', async () => {
    const texts = (form.fields as readonly Field[]).filter(isText);
    const long = Object.fromEntries(texts.map((f) => [f.name, '长'.repeat(maxOf(f) + 1)]));
    const { status, body } = await postJson(cms.url, path, long);
    expect(status).toBe(400);
    for (const field of texts) expect(fieldErrors(body)[field.name], field.name).toBe(`${field.label}不能超过${maxOf(field)}个字`);
  });

  it('answers a 1 MB string without a 500', async () => {
    const field = (form.fields as readonly Field[]).find(isText);
    const { status } = await postJson(cms.url, path, { [field?.name ?? 'x']: 'x'.repeat(1024 * 1024) });
    expect(status).toBeLessThan(500);
    expect(status).toBeGreaterThanOrEqual(400);
  });
});
