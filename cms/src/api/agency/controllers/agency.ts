import type { Core } from '@strapi/strapi';
import { clientAddress } from '../../../lib/client-address';
import { answer } from '../../../lib/http-errors';
import { lookedUpRecord } from '../../../lib/record-token';
import type { UploadedFile } from '../../../lib/scan-file';

type Ctx = Parameters<Core.MiddlewareHandler>[0];
const service = <T>(name: string) => strapi.service(`api::agency.${name}` as never) as unknown as T;
type Registration = ReturnType<typeof import('../services/registration').default>;
type Status = ReturnType<typeof import('../services/status').default>;

/** The first file of each multipart part, by part name. */
function filesOf(ctx: Ctx): Record<string, UploadedFile | undefined> {
  const files = (ctx.request as unknown as { files?: Record<string, UploadedFile | UploadedFile[]> }).files ?? {};
  return Object.fromEntries(Object.entries(files).map(([name, file]) => [name, Array.isArray(file) ? file[0] : file]));
}

export default {
  register: (ctx: Ctx) =>
    answer(ctx, async () => ({ status: 201, body: await service<Registration>('registration').register(ctx.request.body, filesOf(ctx)) })),
  lookUp: (ctx: Ctx) =>
    answer(ctx, async () => ({
      body: await service<Status>('status').lookUp(
        ctx.request.body,
        clientAddress(ctx.req.socket.remoteAddress, ctx.get('x-forwarded-for')),
      ),
    })),
  mine: (ctx: Ctx) =>
    answer(ctx, async () => ({
      body: { agency: await service<Status>('status').view(lookedUpRecord(ctx.get('authorization'), 'agency')) },
    })),
};
