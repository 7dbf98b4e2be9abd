import type { Ctx } from './admin-context';

/** A file made for download (an export): its bytes, content type and file name. */
export interface Attachment {
  body: string | Buffer;
  contentType: string;
  fileName: string;
}

/**
 * Sends a generated file as a download, for `answer` (http-errors.ts) to return. File names are
 * ASCII (`direct-report-2026-10-510104.xlsx`), so the plain `filename=` parameter is enough.
 */
export function sendAttachment(ctx: Ctx, file: Attachment) {
  ctx.set('Content-Type', file.contentType);
  ctx.set('Content-Disposition', `attachment; filename="${file.fileName}"`);
  return { body: file.body };
}
