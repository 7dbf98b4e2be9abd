import { useFetchClient } from '@strapi/strapi/admin';
import { useCallback, useEffect, useState } from 'react';

/**
 * What the desks' admin parts (src/plugins/review-desk, src/plugins/bureau-desk) share: reading a
 * record from a desk route, the server's zh-CN messages, opening a file behind an admin route.
 */

/**
 * A desk's view of one record, shared by its side panel and its document actions. `version` (e.g.
 * the document's updatedAt) loads it again after a save in the edit view, so that the history shows
 * the edit just made; `reload` does so on demand.
 */
export function useDeskRecord<T>(path: string | undefined, version?: unknown) {
  const { get } = useFetchClient();
  const [record, setRecord] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(async () => {
    if (!path) return;
    try {
      setRecord((await get<T>(path)).data);
      setError(null);
    } catch (caught) {
      setError(messageOf(caught));
    }
  }, [get, path]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: version is the reason to load again
  useEffect(() => {
    void load();
  }, [load, version]);
  return { record, error, reload: load };
}

/** The zh-CN message of an API error, or a general one. */
export function messageOf(error: unknown): string {
  const data = (error as { response?: { data?: { error?: { message?: string } } } }).response?.data;
  return data?.error?.message ?? '操作失败，请稍后重试';
}

export function fieldErrorsOf(error: unknown): Record<string, string> {
  const data = (error as { response?: { data?: { error?: { details?: { fields?: Record<string, string> } } } } }).response?.data;
  return data?.error?.details?.fields ?? {};
}

/** The zh-CN message of an error answer that came back as a Blob (file routes ask for one). */
async function blobMessage(blob: Blob): Promise<string> {
  const body = (await blob
    .text()
    .then(JSON.parse)
    .catch(() => ({}))) as { error?: { message?: string } };
  return body.error?.message ?? '文件暂时无法打开，请稍后重试';
}

/**
 * The file name the server gave a download, if any: `filename="direct-report-2026-10.xlsx"`, or
 * the RFC 5987 form the private documents use for their Chinese names (`filename*=UTF-8''…`).
 */
const attachmentName = (headers: Headers | undefined) => {
  const disposition = headers?.get('content-disposition') ?? '';
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition)?.[1];
  if (encoded) {
    try {
      return decodeURIComponent(encoded);
    } catch {
      // A malformed name falls back to the plain one, or to the path's.
    }
  }
  return /filename="([^"]+)"/.exec(disposition)?.[1];
};

/** Fetches a file behind an admin route with the name the server gave it; rejects with the server's zh-CN message. */
function useFetchNamedFile() {
  const { get } = useFetchClient();
  return useCallback(
    async (path: string): Promise<{ data: Blob; name: string | undefined }> => {
      // validateStatus: the fetch client drops an error's body for non-JSON requests.
      const { data, status, headers } = await get<Blob>(path, { responseType: 'blob', validateStatus: () => true });
      if (status === undefined || status >= 400) throw new Error(await blobMessage(data));
      return { data, name: attachmentName(headers) };
    },
    [get],
  );
}

/** A file behind an admin route, as a Blob; rejects with the server's zh-CN message when it refuses. */
export function useFetchFile() {
  const fetchNamed = useFetchNamedFile();
  return useCallback(async (path: string): Promise<Blob> => (await fetchNamed(path)).data, [fetchNamed]);
}

/**
 * Opens a file behind an admin route in a new tab (links cannot carry the admin token). Rejects
 * with the server's zh-CN message when it refuses (e.g. a PDF it cannot print); the tab opened
 * beforehand (popup blockers allow it only during the click) is closed then.
 */
export function useOpenFile() {
  const fetchNamed = useFetchNamedFile();
  return useCallback(
    async (path: string, download = false) => {
      const opened = download ? null : window.open('', '_blank');
      const { data, name } = await fetchNamed(path).catch((error: unknown) => {
        opened?.close();
        throw error;
      });
      const url = URL.createObjectURL(data);
      if (opened) opened.location.href = url;
      else {
        const link = document.createElement('a');
        link.href = url;
        link.download = name ?? path.split('/').pop()?.split('?')[0] ?? 'download';
        link.click();
      }
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    },
    [fetchNamed],
  );
}

export const formatTime = (iso: string | null | undefined) =>
  iso ? new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso)) : '';
