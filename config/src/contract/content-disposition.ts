/**
 * The file name a download carries in its Content-Disposition header. Names are often Chinese
 * (盖章申请表.png), which only the RFC 5987 `filename*` parameter carries; RFC 6266 §4.3 has
 * clients prefer it and keeps a plain `filename` as the fallback for those that do not read it.
 */

/** A header naming the file in UTF-8, with an ASCII fallback (non-ASCII and quotes become `_`). */
export function contentDisposition(disposition: 'inline' | 'attachment', fileName: string): string {
  const fallback = fileName.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `${disposition}; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/** The file name a header gives: `filename*` when present and well formed (RFC 6266 §4.3), else `filename`. */
export function fileNameOf(header: string | null | undefined): string | undefined {
  const extended = /filename\*\s*=\s*UTF-8''([^;\s]+)/i.exec(header ?? '')?.[1];
  if (extended) {
    try {
      return decodeURIComponent(extended);
    } catch {
      // A malformed escape: the plain parameter is the fallback RFC 6266 gives.
    }
  }
  return /filename\s*=\s*"([^"]*)"/i.exec(header ?? '')?.[1] ?? /filename\s*=\s*([^;\s"]+)/i.exec(header ?? '')?.[1];
}
