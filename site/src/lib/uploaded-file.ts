import { t } from '@statdesk/config';
import { readFormBody } from './form-body';

const isChosen = (file: FormDataEntryValue | null): file is File => file instanceof File && (file.size > 0 || file.name !== '');

/** The file of a posted upload form, or undefined when none was chosen (browsers send an empty part). */
export async function readUploadedFile(request: Request): Promise<File | undefined> {
  const file = (await readFormBody(request)).get('file');
  return isChosen(file) ? file : undefined;
}

/** Every file chosen in a posted upload form's `file` input (several when it allows it), in order. */
export async function readUploadedFiles(request: Request): Promise<File[]> {
  return (await readFormBody(request)).getAll('file').filter(isChosen);
}

export const noFileChosen = () => t('upload.missing');
