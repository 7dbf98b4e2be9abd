import { agencyDocuments, MAX_DELEGATING_ENTERPRISES } from './forms/agency.ts';

/** Each scan or document a person uploads: PDF, JPEG or PNG of 1 byte to 10 MB (the site's forms say so). */
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

/**
 * Files one stamped-form upload may hold: a longer printed form photographed page by page (each
 * file within MAX_UPLOAD_BYTES), joined into one PDF.
 */
export const MAX_STAMPED_FORM_FILES = 10;

/** Room for the answers and the multipart framing around the files. */
const FORM_FIELDS_BYTES = 1024 * 1024;

/**
 * The largest request body any public form needs: the agency registration (seeds/004 §七) with
 * its two documents and one entrustment letter for each of at most 50 enterprises, every file at
 * its limit. The site refuses anything larger before reading it.
 */
export const MAX_FORM_BODY_BYTES = (agencyDocuments.length + MAX_DELEGATING_ENTERPRISES) * MAX_UPLOAD_BYTES + FORM_FIELDS_BYTES;
