import type { ChildDaysRow } from "../finance/child-days.js";
import { type FinancialYear, fyLabel } from "../finance/financial-years.js";
import { type AgeBands, DEFAULT_BANDS } from "../profile/bands.js";

/** How fostering demand splits by term and age, for splitting recruitment needs. */
export interface FosteringProfile {
  /** Long-term (U4) share of in-house and agency fostering days. */
  longTermShare: number;
  /** Each age band's share of those days (children with unknown age left out). */
  ageShares: Record<string, number>;
  source: string;
}

/**
 * Bromley's weeks of in-house and agency foster placements in 2021/22 by
 * term and age band (0–4, 5–9, 10–12, 13–15, 16+), from its sufficiency
 * strategy: long-term 4,557 of 9,242 weeks; by age 1,383, 2,459, 2,281,
 * 2,348 and 771 weeks. Used only when no history is given.
 */
export const BROMLEY_FOSTERING_PROFILE: FosteringProfile = {
  longTermShare: 4557 / 9242,
  ageShares: Object.fromEntries(
    DEFAULT_BANDS.labels.map((b, i) => [b, [1383, 2459, 2281, 2348, 771][i]! / 9242]),
  ),
  source: "Bromley's in-house and agency foster placement weeks, 2021/22 (no history given)",
};

/**
 * The long-term share and age split of in-house and agency fostering days
 * (connected-person fostering left out) in one year of the history.
 */
export function fosteringProfile(
  rows: readonly ChildDaysRow[],
  year: FinancialYear,
  bands: AgeBands = DEFAULT_BANDS,
): FosteringProfile | undefined {
  let total = 0;
  let longTerm = 0;
  const byBand = new Map<string, number>();
  let known = 0;
  for (const r of rows) {
    if (r.year !== year || (r.category !== "inhouse_fostering" && r.category !== "agency_fostering"))
      continue;
    total += r.days;
    if (r.longTerm) longTerm += r.days;
    if (r.band !== "unknown") {
      byBand.set(r.band, (byBand.get(r.band) ?? 0) + r.days);
      known += r.days;
    }
  }
  if (total === 0) return undefined;
  return {
    longTermShare: longTerm / total,
    ageShares: Object.fromEntries(bands.labels.map((b) => [b, known ? (byBand.get(b) ?? 0) / known : 0])),
    source: `in-house and agency foster placement days in ${fyLabel(year)}, from the 903 history`,
  };
}
