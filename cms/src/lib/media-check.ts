import { readFile } from 'node:fs/promises';
import { t } from '@statdesk/config';
import { PublicError } from './http-errors';
import { MEDIA_MAX_BYTES, refuseMedia } from './media-type';

/** A file as the upload plugin receives it (formidable's shape, or the seed's own object). */
export interface IncomingMedia {
  filepath: string;
  size?: number;
  originalFilename?: string | null;
  name?: string;
}

/** 415 (413 when too large) in the contract's shape; `global::public-errors` answers it. */
const refusal = (message: string, status = 415) => new PublicError(status, 'ValidationError', message, { files: message });

/** Throws a PublicError unless the file may enter the media library (lib/media-type.ts). */
export async function checkMediaFile(file: IncomingMedia, storedExtension?: string): Promise<void> {
  if ((file.size ?? 0) > MEDIA_MAX_BYTES) throw refusal(t('media.tooLarge'), 413);
  const message = await refuseMedia(await readFile(file.filepath), file.originalFilename ?? file.name ?? '', storedExtension);
  if (message) throw refusal(message);
}
