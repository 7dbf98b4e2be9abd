import { z } from 'zod';

export const pagination = z.object({
  page: z.number().int().min(1),
  pageSize: z.number().int().min(1),
  total: z.number().int().min(0),
  pageCount: z.number().int().min(1),
});
export type Pagination = z.infer<typeof pagination>;

/** A stored file as lists show it (never where it is stored). */
export const storedFile = z.object({
  fileName: z.string(),
  mime: z.string(),
  size: z.number(),
  uploadedAt: z.string(),
});
export type StoredFile = z.infer<typeof storedFile>;

/** A record number in a path, e.g. JG-2026-000123. */
export const recordNoParams = z.object({ no: z.string() });
