import { t } from '@statdesk/config';
import { RequestRefused } from './refused.ts';

/**
 * The body of a posted form, read in one place for every page. A browser posts a form as
 * urlencoded or multipart; anything else (JSON, no content type) or a body cut short is the
 * sender's fault, so it is answered 415 or 400 with a message, not the 500 that
 * `Request.formData()`'s TypeError used to become.
 */
const FORM_TYPES = /^\s*(?:application\/x-www-form-urlencoded|multipart\/form-data)\s*(?:;|$)/i;

export async function readFormBody(request: Request): Promise<FormData> {
  if (!FORM_TYPES.test(request.headers.get('content-type') ?? '')) throw new RequestRefused(415, t('site.request.notAForm'));
  try {
    return await request.formData();
  } catch {
    throw new RequestRefused(400, t('site.request.unreadableForm'));
  }
}
