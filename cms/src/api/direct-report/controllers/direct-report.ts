import type { Core } from '@strapi/strapi';
import { answer } from '../../../lib/http-errors';
import { sendAttachment } from '../../../lib/send-attachment';
import { servicesIn } from '../../../lib/services';
import { isNothingAccepted, nothingAcceptedBody } from '../services/ingest';
import { enterpriseFilterOf } from '../services/report';

type Ctx = Parameters<Core.MiddlewareHandler>[0];
// Looked up on each call: this module outlives a Strapi destroyed and started again in one process
// (the tests' restart(), one file booting once per private store), whose services must be the new ones.
const service: ReturnType<typeof servicesIn<'api::direct-report'>> = (name) => servicesIn(strapi, 'api::direct-report')(name);

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
      // The whole report, as it always was: the platform's files are not scoped or filtered.
      if (format === 'csv' || format === 'xlsx')
        return sendAttachment(ctx, await service('report').exportFile(String(ctx.params.period), format));
      return { body: await service('report').find(String(ctx.params.period), enterpriseFilterOf(ctx.query)) };
    }),
};
