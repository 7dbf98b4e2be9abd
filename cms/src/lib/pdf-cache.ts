import { createHash } from 'node:crypto';
import { isMissingFile, privateStorage } from './private-storage';

/**
 * Printed forms kept by what they show. A form changes only when its record, its template, or
 * the notices and catalog names it quotes change, and all of those end up in its HTML: the key is
 * the HTML's digest, so any of them changing prints anew and nothing else does. Masked fields make
 * a reviewer's HTML differ from the applicant's, so each audience gets its own copy.
 *
 * Kept in the private store (the forms carry personal data), so every instance shares one copy:
 * on the shared folder or in the bucket, never under a public URL.
 */
const PREFIX = 'pdf-cache';
/** Bumped when the printer's own settings (paper, margins) change what the same HTML prints to. */
const PRINT_SETTINGS_VERSION = 'a4-15mm-1';

export const pdfCacheKey = (html: string) =>
  `${PREFIX}/${createHash('sha256').update(PRINT_SETTINGS_VERSION).update('\0').update(html).digest('hex')}.pdf`;

/** The PDF of this HTML from the cache, else printed by `print` and kept. */
export async function cachedPdf(html: string, print: (html: string) => Promise<Buffer>): Promise<Buffer> {
  const key = pdfCacheKey(html);
  const store = privateStorage();
  try {
    return await store.get(key);
  } catch (error) {
    if (!isMissingFile(error)) throw error;
  }
  const pdf = await print(html);
  await store.put(key, pdf);
  return pdf;
}

/** The cache's folder or bucket prefix: a backup leaves it out, since any PDF in it can be printed again. */
export const PDF_CACHE_PREFIX = PREFIX;
