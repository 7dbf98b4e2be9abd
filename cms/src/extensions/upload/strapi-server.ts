import type { Core } from '@strapi/strapi';
import { checkMediaFile, type IncomingMedia } from '../../lib/media-check';

type UploadService = {
  upload(input: { data: unknown; files: IncomingMedia | IncomingMedia[] }, options?: unknown): Promise<unknown>;
  replace(id: unknown, input: { data: unknown; file: IncomingMedia }, options?: unknown): Promise<unknown>;
  findOne(id: unknown): Promise<{ ext?: string | null } | null>;
};

type ServiceFactory = (context: { strapi: Core.Strapi }) => UploadService;

/**
 * Every way into the media library (the admin's upload, upload-from-URL and replace, the content
 * API's upload, our own seed) ends in this service, so the allow-list is enforced here as well as
 * on the request (middlewares/media-allow-list.ts). A replaced file keeps its old extension and
 * URL (Strapi's replace), so its new content must match that extension too.
 */
export default (plugin: { services: Record<string, ServiceFactory> }) => {
  const createUploadService = plugin.services.upload;
  plugin.services.upload = (context) => {
    const service = createUploadService(context);
    return {
      ...service,
      async upload(input, options) {
        for (const file of [input.files].flat()) await checkMediaFile(file);
        return service.upload(input, options);
      },
      async replace(id, input, options) {
        const stored = await service.findOne(id);
        await checkMediaFile(input.file, stored?.ext ?? undefined);
        return service.replace(id, input, options);
      },
    };
  };
  return plugin;
};
