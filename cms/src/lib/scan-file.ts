import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { MAX_UPLOAD_BYTES, t } from '@statdesk/config';
import { findScanProblem, type ScanProblem } from './file-checks';
import { detectScanType, SCAN_EXTENSIONS, type ScanType } from './file-type';
import { PublicError } from './http-errors';

/** PDF, JPEG or PNG by content, 1 byte to 10 MB. */
export const MAX_SCAN_BYTES = MAX_UPLOAD_BYTES;

const problemMessages: Record<ScanProblem, string> = {
  damaged: t('upload.damaged'),
  encrypted: t('upload.encrypted'),
  activeContent: t('upload.mixedContent'),
  trailingData: t('upload.trailingData'),
};

export const refuseFile = (message: string, status = 400) => new PublicError(status, 'ValidationError', message, { file: message });

export interface UploadedFile {
  filepath: string;
  size: number;
  originalFilename?: string | null;
}

export interface CheckedFile {
  bytes: Buffer;
  mime: ScanType;
  extension: string;
  fileName: string;
  sha256: string;
}

const isUnsafeChar = (char: string) => char.charCodeAt(0) < 0x20 || char.charCodeAt(0) === 0x7f || '"<>|:*?'.includes(char);

/** A name safe to show and to put in a Content-Disposition header: no path, no control characters. */
export const safeFileName = (name: string | null | undefined, extension: string, fallback: string): string => {
  const base = [...((name ?? '').split(/[\\/]/).pop() ?? '')]
    .filter((char) => !isUnsafeChar(char))
    .join('')
    .trim();
  const stem = base.replace(/\.[^.]*$/, '').slice(0, 100) || fallback;
  return `${stem}.${extension}`;
};

/** Reads an uploaded file and refuses, with a message for the person, anything but a real PDF, JPEG or PNG of 1 byte to 10 MB. */
export async function checkScanFile(file: UploadedFile | undefined, fallbackName: string): Promise<CheckedFile> {
  if (!file) throw refuseFile(t('upload.missing'));
  if (file.size === 0) throw refuseFile(t('upload.empty'));
  if (file.size > MAX_SCAN_BYTES) throw refuseFile(t('upload.tooLarge'), 413);
  const bytes = await readFile(file.filepath);
  const mime = detectScanType(bytes.subarray(0, 16));
  if (!mime) throw refuseFile(t('upload.wrongType'), 415);
  // A scan that is also an archive, carries PDF actions or does not parse is not a plain scan.
  const problem = await findScanProblem(mime, bytes);
  if (problem) throw refuseFile(problemMessages[problem], 415);
  const extension = SCAN_EXTENSIONS[mime];
  return {
    bytes,
    mime,
    extension,
    fileName: safeFileName(file.originalFilename, extension, fallbackName),
    sha256: createHash('sha256').update(bytes).digest('hex'),
  };
}

/** The attributes a stored file (a scan, or an agency's list as uploaded) is recorded with, whichever record it belongs to. */
export const storedScanAttributes = <Mime extends string>(
  no: string,
  checked: Pick<CheckedFile, 'bytes' | 'fileName' | 'sha256'> & { mime: Mime },
  storageKey: string,
) => ({
  recordNo: no,
  fileName: checked.fileName,
  mime: checked.mime,
  size: checked.bytes.length,
  sha256: checked.sha256,
  storageKey,
  uploadedAt: new Date().toISOString(),
});
