import { t } from '@statdesk/config';
import { PublicError } from './http-errors';
import type { UploadedFile } from './scan-file';

/**
 * A form's answers from a post that is either JSON or multipart with the answers as JSON in part
 * `data` (the site sends files and answers in one request, so they are stored together or not at all).
 */
export function answersOf(body: unknown): unknown {
  const fields = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
  if (typeof fields.data !== 'string') return fields;
  try {
    return JSON.parse(fields.data);
  } catch {
    throw new PublicError(400, 'ValidationError', t('workflow.agency.malformed'), { data: t('workflow.agency.malformed') });
  }
}

/**
 * Koa's request as koa-body leaves it: typed so that passing the context instead (which has no
 * `files`, and silently answered no files) does not compile.
 */
interface MultipartRequest {
  /** Koa's request points back at its context; the context itself has no `ctx`. */
  ctx: unknown;
  files?: unknown;
}

/** Every file of each multipart part, by part name (koa-body gives an array when a part repeats). */
export function fileListsOf(request: MultipartRequest): Record<string, UploadedFile[]> {
  const files = (request.files ?? {}) as Record<string, UploadedFile | UploadedFile[]>;
  return Object.fromEntries(Object.entries(files).map(([name, file]) => [name, Array.isArray(file) ? file : [file]]));
}

/** The first file of each multipart part, by part name. */
export function filesOf(request: MultipartRequest): Record<string, UploadedFile | undefined> {
  return Object.fromEntries(Object.entries(fileListsOf(request)).map(([name, list]) => [name, list[0]]));
}
