import type { Modules, UID } from '@strapi/strapi';

/**
 * A content type's data as the Document Service takes it at run time, typed as its generated input.
 * The generated types leave out what Strapi accepts and our writes use: `null` to clear a field, an
 * enumeration's value read from config/ as a string, and plain objects for `json` attributes. The
 * values were checked by config/'s schemas before they get here; this is the one place that says so.
 */
export const documentData = <T extends UID.ContentType>(_uid: T, data: Record<string, unknown>) =>
  data as unknown as Modules.Documents.Params.Data.Input<T>;
