import { t } from '@statdesk/config';
import { readFormBody } from './form-body';

/** The file of a posted upload form, or undefined when none was chosen (browsers send an empty part). */
export async function readUploadedFile(request: Request): Promise<File | undefined> {
  const file = (await readFormBody(request)).get('file');
  return file instanceof File && (file.size > 0 || file.name !== '') ? file : undefined;
}

export const NO_FILE_CHOSEN = t('upload.missing');
