/**
 * The master data a period uses. The platform keeps changing it (an enterprise moves county,
 * changes category, closes), and a period is judged by the enterprises as they were when its
 * window ended, so that a later change does not move that period's rates (the bureau reads last
 * year's figures next year). cms/ keeps the versions in `enterprise_versions`.
 */
import type { Enterprise } from './types.ts';

/**
 * One version of an enterprise, in force from `validFrom` (null: since before StatDesk knew it)
 * until `validTo` (exclusive; null: still in force).
 */
export interface EnterpriseVersion extends Enterprise {
  validFrom: Date | null;
  validTo: Date | null;
}

/** Whether the version was in force at the last instant of a window that ends (exclusive) at `closesAt`. */
const inForceAtEndOf = (version: EnterpriseVersion, closesAt: Date) =>
  (version.validFrom === null || version.validFrom < closesAt) && (version.validTo === null || version.validTo >= closesAt);

/**
 * Each enterprise as it was at the end of the window: the version in force then. An enterprise
 * that appeared after the window, or was removed before its end, is not in the period's master data.
 */
export const enterprisesAsOf = (versions: EnterpriseVersion[], closesAt: Date): Enterprise[] =>
  versions.filter((version) => inForceAtEndOf(version, closesAt)).map(({ validFrom: _from, validTo: _to, ...enterprise }) => enterprise);
