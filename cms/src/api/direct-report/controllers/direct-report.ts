import type { Core } from '@strapi/strapi';
import { answer } from '../../../lib/http-errors';
import { servicesIn } from '../../../lib/services';
import { isNothingAccepted, nothingAcceptedBody } from '../services/ingest';
import { enterpriseFilterOf } from '../services/report';

type Ctx = Parameters<Core.MiddlewareHandler>[0];
// Looked up on each call: this module outlives a Strapi destroyed and started again in one process
// (the tests' restart(), one file booting once per private store), whose services must be the new ones.
const service: ReturnType<typeof servicesIn<'api::direct-report'>> = (name) => servicesIn(strapi, 'api::direct-report')(name);

const exportTypes = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

/** GET reports/:period.csv|.xlsx: the explanations as a file. */
async function exportReport(ctx: Ctx, format: keyof typeof exportTypes) {
  const period = String(ctx.params.period);
  const report = service('report');
  const body = format === 'csv' ? await report.csv(period) : await report.xlsx(period);
  ctx.set('Content-Type', exportTypes[format]);
  ctx.set('Content-Disposition', `attachment; filename="direct-report-${period}.${format}"`);
  return { body };
}

export default {
  upsertEnterprises: (ctx: Ctx) => answer(ctx, async () => ({ body: await service('enterprises').upsert(ctx.request.body) })),
  ingest: (ctx: Ctx) =>
    answer(ctx, async () => {
      const result = await service('ingest').ingest(ctx.req, String(ctx.state.ingestContentType ?? ''));
      return isNothingAccepted(result) ? { status: 422, body: nothingAcceptedBody(result) } : { body: result };
    }),
  /** The report, or with `format` (csv, xlsx) its export: one handler named `find`, which read-only tokens may call. */
  find: (ctx: Ctx) =>
    answer(ctx, async () => {
      const format = ctx.params.format;
      if (format === 'csv' || format === 'xlsx') return exportReport(ctx, format);
      return { body: await service('report').find(String(ctx.params.period), enterpriseFilterOf(ctx.query)) };
    }),
};
