/**
 * Recruitment needed for in-house fostering to meet a chosen share of
 * fostering demand (docs/costs-supply-gap.md):
 *   places needed     = share × demand child-days ÷ (days in the year × occupancy)
 *   households needed = places needed ÷ places per household
 *   more households   = ⌈households needed − households now⌉ (0 when there are enough)
 * split into long-term and short-term by the long-term share of fostering
 * days, and by age band by each band's share of fostering days (largest
 * remainders, so the parts add up to the whole).
 */
export interface RecruitmentInput {
  /** Fostering demand (in-house and agency) in child-days in the year. */
  demandDays: number;
  daysInYear: number;
  /** Share of fostering demand to meet in-house, 0–1. */
  share: number;
  /** Share of in-house places filled on an average day, 0–1. */
  occupancy: number;
  placesPerHousehold: number;
  households: number;
  places: number;
  /** Long-term (U4, U1) share of fostering days, 0–1. */
  longTermShare: number;
  /** Share of fostering days in each age band (summing to 1). */
  ageShares: Record<string, number>;
}

export interface RecruitmentNeed {
  /** Children to place in-house on an average day: share × demand ÷ days in the year. */
  children: number;
  placesNeeded: number;
  householdsNeeded: number;
  /** Net additional households (whole), and the places they bring. */
  additionalHouseholds: number;
  additionalPlaces: number;
  longTerm: number;
  shortTerm: number;
  byAgeBand: Record<string, number>;
}

/**
 * Splits a whole number into parts proportional to the weights, by largest
 * remainders: each part gets the floor of its quota, then the parts with the
 * largest remainders get one more until the parts sum to the total (ties to
 * the earlier part).
 */
export function splitWhole(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + Math.max(0, b), 0);
  if (total <= 0 || sum <= 0) return weights.map(() => 0);
  const quotas = weights.map((w) => (Math.max(0, w) / sum) * total);
  const parts = quotas.map(Math.floor);
  let left = total - parts.reduce((a, b) => a + b, 0);
  const order = quotas.map((q, i) => ({ i, r: q - Math.floor(q) })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (let k = 0; left > 0; k++, left--) parts[order[k % order.length]!.i]! += 1;
  return parts;
}

/** Rounds up, ignoring floating-point dust just above a whole number. */
export function ceilWhole(x: number): number {
  return Math.ceil(x - 1e-9);
}

export function recruitmentNeed(input: RecruitmentInput): RecruitmentNeed {
  if (!(input.occupancy > 0 && input.occupancy <= 1))
    throw new RangeError("occupancy must be above 0 and at most 1");
  if (!(input.share >= 0 && input.share <= 1))
    throw new RangeError("the in-house share must be between 0 and 1");
  if (!(input.placesPerHousehold > 0)) throw new RangeError("places per household must be above 0");
  const children = (input.share * input.demandDays) / input.daysInYear;
  const placesNeeded = children / input.occupancy;
  const householdsNeeded = placesNeeded / input.placesPerHousehold;
  const additionalHouseholds = Math.max(0, ceilWhole(householdsNeeded - input.households));
  const [longTerm, shortTerm] = splitWhole(additionalHouseholds, [
    input.longTermShare,
    1 - input.longTermShare,
  ]);
  const bands = Object.keys(input.ageShares);
  const byBand = splitWhole(
    additionalHouseholds,
    bands.map((b) => input.ageShares[b]!),
  );
  return {
    children,
    placesNeeded,
    householdsNeeded,
    additionalHouseholds,
    additionalPlaces: Math.max(0, ceilWhole(placesNeeded - input.places)),
    longTerm: longTerm!,
    shortTerm: shortTerm!,
    byAgeBand: Object.fromEntries(bands.map((b, i) => [b, byBand[i]!])),
  };
}
