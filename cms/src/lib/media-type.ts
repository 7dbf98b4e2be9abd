import { extname } from 'node:path';
import { t } from '@statdesk/config';
import { findScanProblem } from './file-checks';
import { hidesZipArchive } from './file-checks/zip';
import { detectScanType, type ScanType } from './file-type';

/**
 * What the media library accepts: what content editors actually publish (pictures, PDFs, Office
 * documents). No SVG (an image that runs script), no HTML, JS, archives or anything a browser
 * would execute: the files are served from the CMS's own origin (DESIGN.md, "Known technical facts").
 */
export type MediaKind = 'png' | 'jpeg' | 'gif' | 'webp' | 'pdf' | 'ole' | 'docx' | 'xlsx' | 'pptx';

/** The extension a file must carry for each kind; `.doc/.xls/.ppt` share one container (OLE2). */
export const MEDIA_EXTENSIONS: Record<string, MediaKind> = {
  '.png': 'png',
  '.jpg': 'jpeg',
  '.jpeg': 'jpeg',
  '.gif': 'gif',
  '.webp': 'webp',
  '.pdf': 'pdf',
  '.doc': 'ole',
  '.xls': 'ole',
  '.ppt': 'ole',
  '.docx': 'docx',
  '.xlsx': 'xlsx',
  '.pptx': 'pptx',
};

/** MIME types for the upload plugin's own allow-list (`security.allowedTypes`). */
export const MEDIA_MIME_TYPES = [
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
  'application/pdf',
  'application/msword',
  'application/vnd.ms-excel',
  'application/vnd.ms-powerpoint',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
];

/** Office documents with pictures run to tens of MB; the plugin's default (1 GB) would be read whole. */
export const MEDIA_MAX_BYTES = 50 * 1024 * 1024;

/** PDFs, JPEGs and PNGs are recognised as the public uploads recognise them (lib/file-type.ts), and parsed alike. */
const SCAN_KINDS: Record<ScanType, MediaKind> = { 'application/pdf': 'pdf', 'image/jpeg': 'jpeg', 'image/png': 'png' };

const startsWith = (bytes: Buffer, signature: number[], at = 0) => signature.every((byte, i) => bytes[at + i] === byte);
const ascii = (bytes: Buffer, text: string, at = 0) => bytes.toString('latin1', at, at + text.length) === text;

/** An OOXML package is a ZIP whose parts live under word/, xl/ or ppt/ (ECMA-376 Part 2). */
function detectOfficeOpenXml(bytes: Buffer): MediaKind | undefined {
  const names = bytes.toString('latin1');
  if (!names.includes('[Content_Types].xml')) return undefined;
  if (names.includes('word/')) return 'docx';
  if (names.includes('xl/')) return 'xlsx';
  if (names.includes('ppt/')) return 'pptx';
  return undefined;
}

/** The kind a file's bytes say it is (by signature, never by name), or undefined. */
export function detectMediaKind(bytes: Buffer): MediaKind | undefined {
  const scanType = detectScanType(bytes);
  if (scanType) return SCAN_KINDS[scanType];
  if (ascii(bytes, 'GIF87a') || ascii(bytes, 'GIF89a')) return 'gif';
  if (ascii(bytes, 'RIFF') && ascii(bytes, 'WEBP', 8)) return 'webp';
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'ole';
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return detectOfficeOpenXml(bytes);
  return undefined;
}

const isZipBased = (kind: MediaKind) => kind === 'docx' || kind === 'xlsx' || kind === 'pptx';

/**
 * Why a file may not enter the media library, or undefined when it may: its extension must be
 * on the list, its content must be that kind, and a picture or PDF must pass the parsed checks of
 * the public uploads (no PDF action, nothing after an image's end, no hidden archive).
 * `storedExtension` is the extension a replaced file keeps (Strapi keeps the old URL on replace),
 * which the new content must match too.
 */
export async function refuseMedia(bytes: Buffer, fileName: string, storedExtension?: string): Promise<string | undefined> {
  const claimed = MEDIA_EXTENSIONS[extname(fileName).toLowerCase()];
  const kept = storedExtension === undefined ? claimed : MEDIA_EXTENSIONS[storedExtension.toLowerCase()];
  if (!claimed || !kept) return t('media.wrongType');
  const detected = detectMediaKind(bytes);
  if (detected !== claimed || detected !== kept) return t('media.mismatch');
  const scanType = detectScanType(bytes);
  if (scanType) {
    const problem = await findScanProblem(scanType, bytes);
    return problem && (problem === 'damaged' || problem === 'encrypted' ? t(`upload.${problem}`) : t('media.mixedContent'));
  }
  if (!isZipBased(detected) && hidesZipArchive(bytes)) return t('media.mixedContent');
  return undefined;
}
