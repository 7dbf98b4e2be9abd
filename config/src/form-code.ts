import { kindOfRecordNo } from './submissions.ts';

/**
 * What a printed form's QR code says: the record's number and the version of the answers it was
 * printed with, e.g. `JG-2026-000123 v1a2b3c4d`. A scan of the stamped form read back tells which
 * record it is and whether it was printed before the answers last changed. Forms printed before
 * the version was added say the number alone; their version cannot be told.
 */
export interface FormCode {
  /** The record the form was printed for. */
  recordNo: string;
  /** Eight hex digits naming the answers as printed; absent on a code that carries the number alone. */
  version?: string;
}

const FORM_CODE = /^\s*(\S+)(?:\s+v([0-9a-f]{8}))?\s*$/;

/** The text to encode in a form's QR code. */
export const composeFormCode = ({ recordNo, version }: FormCode): string => (version ? `${recordNo} v${version}` : recordNo);

/** A QR code's text as a form code, or undefined when it is not one of ours (another QR code on the page). */
export function parseFormCode(text: string): FormCode | undefined {
  const match = FORM_CODE.exec(text);
  const [, recordNo = '', version] = match ?? [];
  if (!kindOfRecordNo(recordNo)) return undefined;
  return version ? { recordNo, version } : { recordNo };
}

/** How a stamped form's QR code read: it names this record (and, when it says, the current answers); no code could be read; or it carried the number only. */
export const QR_STATUSES = ['matched', 'unreadable', 'legacy'] as const;
export type QrStatus = (typeof QR_STATUSES)[number];
