import type { Core } from '@strapi/strapi';
import { answer } from '../../../lib/http-errors';
import { sendAttachment } from '../../../lib/send-attachment';
import { runningServicesIn } from '../../../lib/services';
import { isNothingAccepted, nothingAcceptedBody } from '../services/ingest';
import { enterpriseFilterOf, whatIfOf } from '../services/report';

type Ctx = Parameters<Core.MiddlewareHandler>[0];
const service = runningServicesIn('api::direct-report');

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
      const period = String(ctx.params.period);
      const format = ctx.params.format;
      const whatIf = whatIfOf(ctx.query);
      // The whole report: the platform's files are not scoped or filtered, only computed with a what-if.
      if (format === 'csv' || format === 'xlsx')
        return sendAttachment(ctx, await service('report').exportFile(period, format, {}, {}, whatIf));
      const body = await service('report').findJson(period, enterpriseFilterOf(ctx.query), {}, whatIf);
      ctx.type = 'application/json';
      return { body };
    }),
};
