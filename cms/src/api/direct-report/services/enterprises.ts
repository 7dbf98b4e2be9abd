import { randomBytes } from 'node:crypto';
import { categories, checkRegion, parseCreditCode, t } from '@statdesk/config';
import type { Core } from '@strapi/strapi';
import { z } from 'zod';
import { invalidFields } from '../../../lib/http-errors';

const enterpriseSchema = z
  .object({
    // The public forms' validator (GB 32100-2015), check character included.
    code: z.string().transform((input, ctx) => {
      const result = parseCreditCode(input);
      if (result.ok) return result.value;
      ctx.addIssue({ code: 'custom', message: result.message });
      return z.NEVER;
    }),
    name: z.string().trim().min(1, t('directReport.enterprise.name')).max(200),
    cityCode: z.string().regex(/^\d{6}$/, t('directReport.enterprise.cityCode')),
    cityName: z.string().trim().min(1).max(50),
    countyCode: z.string().regex(/^\d{6}$/, t('directReport.enterprise.countyCode')),
    countyName: z.string().trim().min(1).max(50),
    category: z.enum(categories, { error: t('directReport.enterprise.category', { categories: categories.join('、') }) }),
    active: z.boolean().default(true),
  })
  .superRefine((value, ctx) => {
    const wrong = checkRegion(value.cityCode, value.countyCode);
    if (wrong) ctx.addIssue({ code: 'custom', path: [wrong.field], message: wrong.message });
  });

/** Strapi's document ids are 24 lower-case letters and digits. */
const documentId = () =>
  randomBytes(18)
    .toString('base64url')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, 'x')
    .slice(0, 24);

const ANALYZE_AFTER_CREATED = 5_000;

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** PUT /api/direct-report/enterprises: insert or update by code, all or nothing. */
  async upsert(input: unknown): Promise<{ received: number; created: number; updated: number }> {
    if (!Array.isArray(input)) throw invalidFields({ _body: t('directReport.enterprise.notArray') });
    if (input.length > 100_000) throw invalidFields({ _body: t('directReport.enterprise.tooMany') });
    const rows = [];
    const errors: Record<string, string> = {};
    for (const [i, item] of input.entries()) {
      const parsed = enterpriseSchema.safeParse(item);
      if (parsed.success) rows.push(parsed.data);
      else errors[`${i}`] = parsed.error.issues.map((issue) => `${issue.path.join('.')}：${issue.message}`).join('；');
      if (Object.keys(errors).length >= 100) break;
    }
    if (Object.keys(errors).length > 0) throw invalidFields(errors);
    const now = new Date().toISOString();
    const records = rows.map((r) => ({
      document_id: documentId(),
      code: r.code,
      name: r.name,
      city_code: r.cityCode,
      city_name: r.cityName,
      county_code: r.countyCode,
      county_name: r.countyName,
      category: r.category,
      active: r.active,
      created_at: now,
      updated_at: now,
      published_at: now,
    }));
    const result = await strapi.db.connection.raw(
      `insert into enterprises (document_id, code, name, city_code, city_name, county_code, county_name, category, active, created_at, updated_at, published_at)
       select * from jsonb_to_recordset(?::jsonb) as x(document_id text, code text, name text, city_code text, city_name text, county_code text, county_name text, category text, active boolean, created_at timestamptz, updated_at timestamptz, published_at timestamptz)
       on conflict (code) do update set name = excluded.name, city_code = excluded.city_code, city_name = excluded.city_name,
         county_code = excluded.county_code, county_name = excluded.county_name, category = excluded.category, active = excluded.active, updated_at = excluded.updated_at
       returning (xmax = 0) as created`,
      [JSON.stringify(records)],
    );
    const created = (result.rows as Array<{ created: boolean }>).filter((r) => r.created).length;
    // The report joins every enterprise: planned on stale figures it probes an index 80 000 times.
    if (created >= ANALYZE_AFTER_CREATED) await strapi.db.connection.raw('analyze enterprises');
    return { received: rows.length, created, updated: rows.length - created };
  },
});
