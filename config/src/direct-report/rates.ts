import type { Counts, Flag, Rates } from './types.ts';

/** count / required × 100 with two decimals, half up (direct-report-rule.md §6); null when nothing is required. */
export const ratePercent = (count: number, required: number): number | null =>
  required === 0 ? null : Math.round((count * 10000) / required) / 100;

export const withRates = <T extends Counts>(counts: T): T & Rates => ({
  ...counts,
  initialRate: ratePercent(counts.initialDirect, counts.required),
  finalRate: ratePercent(counts.finalDirect, counts.required),
});

/**
 * The anomaly flags of a region (seeds/004 §五), decided on exact fractions rather than the
 * rounded rates: (initial − final) / required × 100 ≥ delta.
 */
export function flagsOf(counts: Counts, anomalyDelta: number): Flag[] {
  if (counts.required === 0) return [];
  const deltaHundredths = Math.round(anomalyDelta * 100);
  const gap = (counts.initialDirect - counts.finalDirect) * 10000;
  const flags: Flag[] = [];
  if (gap >= deltaHundredths * counts.required && gap > 0) flags.push('operated_by_others');
  if (-gap >= deltaHundredths * counts.required && gap < 0) flags.push('allocated');
  return flags;
}
