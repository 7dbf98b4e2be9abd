import type { Core } from '@strapi/strapi';
import { answer } from '../../../lib/http-errors';
import type { UploadedFile } from '../../../lib/scan-file';

type Ctx = Parameters<Core.MiddlewareHandler>[0];
type Registration = ReturnType<typeof import('../services/registration').default>;

/** The first file of each multipart part, by part name. */
function filesOf(ctx: Ctx): Record<string, UploadedFile | undefined> {
  const files = (ctx.request as unknown as { files?: Record<string, UploadedFile | UploadedFile[]> }).files ?? {};
  return Object.fromEntries(Object.entries(files).map(([name, file]) => [name, Array.isArray(file) ? file[0] : file]));
}

export default {
  register: (ctx: Ctx) =>
    answer(ctx, async () => ({
      status: 201,
      body: await (strapi.service('api::agency.registration' as never) as unknown as Registration).register(ctx.request.body, filesOf(ctx)),
    })),
};
