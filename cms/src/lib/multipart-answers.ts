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

/** The first file of each multipart part, by part name (koa-body gives an array when a part repeats). */
export function filesOf(request: unknown): Record<string, UploadedFile | undefined> {
  const files = (request as { files?: Record<string, UploadedFile | UploadedFile[]> }).files ?? {};
  return Object.fromEntries(Object.entries(files).map(([name, file]) => [name, Array.isArray(file) ? file[0] : file]));
}
