import { contentDisposition } from '@statdesk/config/contract';
import type { Ctx } from './admin-context';

/** A file made for download (an export): its bytes, content type and file name. */
export interface Attachment {
  body: string | Buffer;
  contentType: string;
  fileName: string;
}

/** Sends a generated file as a download, for `answer` (http-errors.ts) to return. */
export function sendAttachment(ctx: Ctx, file: Attachment) {
  ctx.set('Content-Type', file.contentType);
  ctx.set('Content-Disposition', contentDisposition('attachment', file.fileName));
  return { body: file.body };
}
