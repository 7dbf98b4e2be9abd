import type { Core } from '@strapi/strapi';
import { answer } from '../../../lib/http-errors';
import { enterpriseFilterOf } from '../services/report';

type Ctx = Parameters<Core.MiddlewareHandler>[0];
const service = <T>(name: string) => strapi.service(`api::direct-report.${name}` as never) as T;
type Ingest = ReturnType<typeof import('../services/ingest').default>;
type Report = ReturnType<typeof import('../services/report').default>;
type Enterprises = ReturnType<typeof import('../services/enterprises').default>;

export default {
  upsertEnterprises: (ctx: Ctx) => answer(ctx, async () => ({ body: await service<Enterprises>('enterprises').upsert(ctx.request.body) })),
  ingest: (ctx: Ctx) =>
    answer(ctx, async () => ({ body: await service<Ingest>('ingest').ingest(ctx.req, String(ctx.state.ingestContentType ?? '')) })),
  find: (ctx: Ctx) =>
    answer(ctx, async () => ({
      body: await service<Report>('report').find(String(ctx.params.period), enterpriseFilterOf(ctx.query)),
    })),
  findCsv: (ctx: Ctx) =>
    answer(ctx, async () => {
      const body = await service<Report>('report').csv(String(ctx.params.period));
      ctx.set('Content-Type', 'text/csv; charset=utf-8');
      ctx.set('Content-Disposition', `attachment; filename="direct-report-${ctx.params.period}.csv"`);
      return { body };
    }),
  findXlsx: (ctx: Ctx) =>
    answer(ctx, async () => {
      const body = await service<Report>('report').xlsx(String(ctx.params.period));
      ctx.set('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      ctx.set('Content-Disposition', `attachment; filename="direct-report-${ctx.params.period}.xlsx"`);
      return { body };
    }),
};
