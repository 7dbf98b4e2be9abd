import type { Core } from '@strapi/strapi';
import { answer } from '../../../lib/http-errors';
import { runningServicesIn } from '../../../lib/services';
import { isNothingAccepted, nothingAcceptedBody } from '../services/ingest';
import { enterpriseFilterOf, whatIfOf } from '../services/report';

type Ctx = Parameters<Core.MiddlewareHandler>[0];
const service = runningServicesIn('api::direct-report');

const exportTypes = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

/** GET reports/:period.csv|.xlsx: the explanations as a file. */
async function exportReport(ctx: Ctx, format: keyof typeof exportTypes) {
  const period = String(ctx.params.period);
  const report = service('report');
  const whatIf = whatIfOf(ctx.query);
  const body = format === 'csv' ? await report.csv(period, whatIf) : await report.xlsx(period, whatIf);
  ctx.set('Content-Type', exportTypes[format]);
  ctx.set('Content-Disposition', `attachment; filename="direct-report-${period}.${format}"`);
  return { body };
}

/** The API token that sent the request, as Strapi's content-API auth found it. */
const senderOf = (ctx: Ctx) => {
  const credentials = ctx.state.auth?.credentials as { id?: number; name?: string } | undefined;
  return { id: credentials?.id, name: credentials?.name };
};

export default {
  upsertEnterprises: (ctx: Ctx) => answer(ctx, async () => ({ body: await service('enterprises').upsert(ctx.request.body) })),
  ingest: (ctx: Ctx) =>
    answer(ctx, async () => {
      const result = await service('ingest').ingest(ctx.req, String(ctx.state.ingestContentType ?? ''), senderOf(ctx));
      return isNothingAccepted(result) ? { status: 422, body: nothingAcceptedBody(result) } : { body: result };
    }),
  /** The report, or with `format` (csv, xlsx) its export: one handler named `find`, which read-only tokens may call. */
  find: (ctx: Ctx) =>
    answer(ctx, async () => {
      const format = ctx.params.format;
      if (format === 'csv' || format === 'xlsx') return exportReport(ctx, format);
      return { body: await service('report').find(String(ctx.params.period), enterpriseFilterOf(ctx.query), whatIfOf(ctx.query)) };
    }),
};
